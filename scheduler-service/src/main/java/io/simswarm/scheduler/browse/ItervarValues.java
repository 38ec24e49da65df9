package io.simswarm.scheduler.browse;

import java.util.List;

/**
 * One iteration variable of a campaign's runs and the values it takes.
 *
 * @param name   the variable's name, without the {@code $}
 * @param values its values as OMNeT++ lists them, in the order of the runs that first have them
 */
public record ItervarValues(String name, List<String> values) {
}
