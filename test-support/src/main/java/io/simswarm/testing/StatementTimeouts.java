package io.simswarm.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What PostgreSQL reports as the statement timeout of a service's pooled connections. */
public final class StatementTimeouts {

    private StatementTimeouts() {
    }

    /**
     * The {@code statement_timeout} of {@code count} connections of {@code pool}, all held at once so that each is a
     * different connection of the pool.
     */
    public static List<String> of(DataSource pool, int count) throws SQLException {
        List<Connection> held = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(pool.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                        ResultSet timeout = statement.executeQuery("show statement_timeout")) {
                    timeout.next();
                    timeouts.add(timeout.getString(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return timeouts;
    }
}
