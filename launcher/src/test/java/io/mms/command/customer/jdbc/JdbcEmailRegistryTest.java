package io.mms.command.customer.jdbc;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email claims in an H2 database migrated by the same Flyway scripts as the event store.
 * This sits in the launcher because that is where the migrations and the database driver live.
 */
class JdbcEmailRegistryTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private JdbcEmailRegistry registry;

    @BeforeEach
    void migrateAFreshDatabase() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        registry = new JdbcEmailRegistry(jdbc);
    }

    @AfterEach
    void dropTheDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void aFreeAddressIsClaimed() {
        assertThat(registry.claim("ada@example.com", "cu-1")).isTrue();

        assertThat(claims()).containsExactly("ada@example.com=cu-1");
    }

    @Test
    void claimingAnAddressTheCustomerHoldsAgainSucceeds() {
        registry.claim("ada@example.com", "cu-1");

        assertThat(registry.claim("ada@example.com", "cu-1")).isTrue();
        assertThat(claims()).containsExactly("ada@example.com=cu-1");
    }

    @Test
    void anAddressAnotherCustomerHoldsIsRefused() {
        registry.claim("ada@example.com", "cu-1");

        assertThat(registry.claim("ada@example.com", "cu-2")).isFalse();
        assertThat(claims()).containsExactly("ada@example.com=cu-1");
    }

    @Test
    void aReleasedAddressCanBeClaimedByAnotherCustomer() {
        registry.claim("ada@example.com", "cu-1");

        registry.release("ada@example.com", "cu-1");

        assertThat(registry.claim("ada@example.com", "cu-2")).isTrue();
    }

    @Test
    void onlyTheHolderCanReleaseAnAddress() {
        registry.claim("ada@example.com", "cu-1");

        registry.release("ada@example.com", "cu-2");

        assertThat(claims()).containsExactly("ada@example.com=cu-1");
    }

    @Test
    void aClaimInATransactionThatRollsBackIsGone() {
        transactions.executeWithoutResult(status -> {
            registry.claim("ada@example.com", "cu-1");
            status.setRollbackOnly();
        });

        assertThat(claims()).isEmpty();
    }

    @Test
    void ofTwoTransactionsRacingForAnAddressTheOneCommittingLaterIsRefused() throws Exception {
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Boolean> loser = transactions.execute(status -> {
                registry.claim("ada@example.com", "cu-1");
                CompletableFuture<Boolean> racing = CompletableFuture.supplyAsync(
                        () -> transactions.execute(inner -> registry.claim("ada@example.com", "cu-2")), second);
                await().during(200, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS)
                        .until(() -> !racing.isDone());
                return racing;
            });

            assertThat(loser.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(claims()).containsExactly("ada@example.com=cu-1");
        } finally {
            second.shutdownNow();
        }
    }

    private List<String> claims() {
        return jdbc.queryForList("SELECT email || '=' || customerId FROM CustomerEmail ORDER BY email", String.class);
    }
}
