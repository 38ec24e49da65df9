package io.simswarm.scheduler.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignService;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.campaign.CampaignView;
import io.simswarm.scheduler.campaign.RunCounts;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The questions a dashboard asks: campaigns and runs one page at a time, filtered and sorted on the database, so
 * that a campaign of ten thousand runs is read a screenful at a time.
 */
@ApplicationScoped
public class BrowseService {

    /** The columns runs can be sorted by, by their name in the API; {@link #ITERVAR_SORT}NAME sorts by a variable. */
    private static final Map<String, String> RUN_SORTS = Map.of(
            "runNumber", "r.run_number",
            "state", "r.state",
            "node", "r.node",
            "attempts", "r.attempts",
            "durationMs", "r.duration_ms",
            "startedAt", "r.started_at",
            "finishedAt", "r.finished_at",
            "exitCode", "r.exit_code");
    /** {@code sort=itervar:rho} sorts runs by the value of their iteration variable rho. */
    static final String ITERVAR_SORT = "itervar:";
    /** The number a variable's value starts with (0.5 of 0.5ms): values sort by it first, so 2 comes before 10. */
    private static final String LEADING_NUMBER = "^[-+]?(?:[0-9]+[.]?[0-9]*|[.][0-9]+)(?:[eE][-+]?[0-9]+)?";

    private final EntityManager entityManager;
    private final RunLedger runs;
    private final ObjectMapper json;

    public BrowseService(EntityManager entityManager, RunLedger runs, ObjectMapper json) {
        this.entityManager = entityManager;
        this.runs = runs;
        this.json = json;
    }

    /** Campaigns, newest first, optionally of one status only and submitted by one owner only. */
    @Transactional
    public Page<CampaignView> campaigns(CampaignStatus status, String owner, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", status);
        }
        if (owner != null && !owner.isBlank()) {
            conditions.add("submittedBy = :owner");
            parameters.put("owner", owner);
        }
        Sort newestFirst = Sort.descending("submittedAt");
        var query = conditions.isEmpty()
                ? Campaign.<Campaign>findAll(newestFirst)
                : Campaign.<Campaign>find(String.join(" and ", conditions), newestFirst, parameters);
        long total = query.count();
        List<CampaignView> items = query.range(page.offset(), page.offset() + page.limit() - 1).list().stream()
                .map(c -> CampaignView.of(c, RunCounts.now(runs, c.id), null))
                .toList();
        return new Page<>(total, page.offset(), page.limit(), items);
    }

    /** The owners (token subjects) who submitted campaigns, in alphabetical order. */
    @Transactional
    public List<String> owners() {
        return entityManager.createQuery("select distinct c.submittedBy from Campaign c where c.submittedBy is not null"
                + " order by c.submittedBy", String.class).getResultList();
    }

    /**
     * Runs of a campaign that pass {@code filter}, sorted by {@code sort} (a field of {@link RunView},
     * {@code runNumber} by default, or {@code itervar:NAME}: by the number the variable's value starts with, then by
     * the value), runs without a value first (last when descending), ties broken by run number.
     */
    @Transactional
    public Page<RunView> runs(String campaignId, RunFilter filter, String sort, boolean descending,
            PageRequest page) {
        if (Campaign.findById(campaignId) == null) {
            throw CampaignService.notFound(campaignId);
        }
        String by = sort == null || sort.isBlank() ? "runNumber" : sort;
        String sortVariable = by.startsWith(ITERVAR_SORT) ? by.substring(ITERVAR_SORT.length()) : null;
        String direction = descending ? " desc" : " asc";
        String nulls = descending ? " nulls last" : " nulls first";
        String order;
        String join = "";
        if (sortVariable != null && !sortVariable.isEmpty()) {
            join = " left join lateral (select e ->> 'value' as value from jsonb_array_elements(r.itervars) e"
                    + " where e ->> 'name' = :sortVariable limit 1) sorted on true";
            order = "cast(substring(sorted.value from :leadingNumber) as double precision)" + direction + nulls
                    + ", sorted.value" + direction + nulls;
        } else if (RUN_SORTS.containsKey(by)) {
            order = RUN_SORTS.get(by) + direction + nulls;
        } else {
            throw ApiException.badRequest("Runs can be sorted by " + String.join(", ", RUN_SORTS.keySet().stream()
                    .sorted().toList()) + " or " + ITERVAR_SORT + "NAME (an iteration variable), not by '" + sort
                    + "'.");
        }
        String where = where(filter);
        Query count = entityManager.createNativeQuery("select count(*) from run r" + where);
        Query list = entityManager.createNativeQuery("select r.* from run r" + join + where + " order by " + order
                + ", r.run_number" + direction, Run.class);
        bind(count, campaignId, filter);
        bind(list, campaignId, filter);
        if (!join.isEmpty()) {
            list.setParameter("sortVariable", sortVariable).setParameter("leadingNumber", LEADING_NUMBER);
        }
        @SuppressWarnings("unchecked")
        List<Run> found = list.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(total, page.offset(), page.limit(), found.stream().map(RunView::of).toList());
    }

    /** Distinct nodes the campaign's runs ran on, in alphabetical order. */
    @Transactional
    public List<String> nodes(String campaignId) {
        return entityManager.createQuery("select distinct r.node from Run r where r.campaignId = ?1"
                + " and r.node is not null order by r.node", String.class)
                .setParameter(1, campaignId).getResultList();
    }

    /**
     * The iteration variables of the campaign's runs with the values each takes: variables in OMNeT++'s order (that
     * of the lowest-numbered run having them), values in the order of the runs that first have them, which for
     * OMNeT++'s nested loops is the order of the ini file.
     */
    @Transactional
    public List<ItervarValues> itervars(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select e.variable ->> 'name', e.variable ->> 'value'"
                + " from run r cross join lateral jsonb_array_elements(r.itervars) with ordinality as e(variable, place)"
                + " where r.campaign_id = ?1 group by 1, 2 order by min(r.run_number), min(e.place)")
                .setParameter(1, campaignId).getResultList();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Object[] row : rows) {
            values.computeIfAbsent((String) row[0], name -> new ArrayList<>()).add((String) row[1]);
        }
        return values.entrySet().stream().map(v -> new ItervarValues(v.getKey(), List.copyOf(v.getValue()))).toList();
    }

    private String where(RunFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("r.campaign_id = :campaign"));
        if (filter.state() != null) {
            conditions.add("r.state = :state");
        }
        if (filter.node() != null) {
            conditions.add("r.node = :node");
        }
        if (!filter.itervars().isEmpty()) {
            conditions.add("r.itervars @> cast(:itervars as jsonb)");
        }
        return " where " + String.join(" and ", conditions);
    }

    private void bind(Query query, String campaignId, RunFilter filter) {
        query.setParameter("campaign", campaignId);
        if (filter.state() != null) {
            query.setParameter("state", filter.state().name());
        }
        if (filter.node() != null) {
            query.setParameter("node", filter.node());
        }
        if (!filter.itervars().isEmpty()) {
            try {
                query.setParameter("itervars", json.writeValueAsString(filter.itervars()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an iteration variable filter cannot be written as JSON", e);
            }
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + value + "' is not a " + what + ".");
        }
    }
}
