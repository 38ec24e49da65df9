package io.simswarm.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.testing.StatementTimeouts;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Every connection of the service's pool runs its statements under the statement timeout (SIMSWARM_DB_STATEMENT_TIMEOUT, 60 s). */
@QuarkusTest
class StatementTimeoutTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyPooledConnectionHasTheDefaultStatementTimeout() throws SQLException {
        assertThat(StatementTimeouts.of(dataSource, 3)).containsOnly("1min").hasSize(3);
    }
}
