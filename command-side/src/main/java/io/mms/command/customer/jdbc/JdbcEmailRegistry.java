package io.mms.command.customer.jdbc;

import io.mms.command.customer.EmailRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps email claims in the {@code CustomerEmail} table, whose primary key is the normalized
 * address. The template joins the transaction the command runs in, the same one in which
 * Axon's JDBC event store appends the command's events: a claim and its event are committed,
 * or rolled back, together. The key makes two racing claims of one address fail for one of them.
 */
@Component
class JdbcEmailRegistry implements EmailRegistry {

    private final JdbcTemplate jdbc;

    JdbcEmailRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String normalizedEmail, String customerId) {
        List<String> holders = jdbc.queryForList(
                "SELECT customerId FROM CustomerEmail WHERE email = ?", String.class, normalizedEmail);
        if (!holders.isEmpty()) {
            return holders.get(0).equals(customerId);
        }
        try {
            jdbc.update("INSERT INTO CustomerEmail (email, customerId) VALUES (?, ?)", normalizedEmail, customerId);
            return true;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return false;
        }
    }

    @Override
    public void release(String normalizedEmail, String customerId) {
        jdbc.update("DELETE FROM CustomerEmail WHERE email = ? AND customerId = ?", normalizedEmail, customerId);
    }
}
