package io.mms.command.customer.jdbc;

import io.mms.command.customer.CustomerDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Lists customers from the email claims: every registered customer holds exactly one, so the
 * claims table is also the command side's list of customers (indexed by id in V4).
 */
@Component
class JdbcCustomerDirectory implements CustomerDirectory {

    private final JdbcTemplate jdbc;

    JdbcCustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> customerIdsAfter(String afterId, int limit) {
        return jdbc.queryForList(
                "SELECT customerId FROM CustomerEmail WHERE customerId > ? ORDER BY customerId LIMIT ?",
                String.class, afterId, limit);
    }
}
