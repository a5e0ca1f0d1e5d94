package io.mms.benchmarks;

import io.mms.command.customer.RegisterCustomer;
import io.mms.command.customer.UpdateCustomerProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * B6: a command on a customer whose history holds 10, 1k or 10k events, against reading and
 * deserializing that whole history straight from the event store. Commands go through the
 * command gateway in-process, so what is measured is loading and deciding, not HTTP.
 */
final class Sourcing {

    static final String NAME = "B6 sourcing";

    private Sourcing() {
    }

    static void run(Mms mms, Sizes sizes, Consumer<Measurement> results) {
        CommandGateway commands = mms.bean(CommandGateway.class);
        List<String> customers = new ArrayList<>();
        for (int length : sizes.histories()) {
            customers.add(customerWithHistory(commands, length));
        }
        List<Latencies> commandLatencies = new ArrayList<>();
        List<Latencies> readLatencies = new ArrayList<>();
        sizes.histories().forEach(length -> {
            commandLatencies.add(new Latencies());
            readLatencies.add(new Latencies());
        });
        Serializer serializer = mms.bean(Configuration.class).eventSerializer();
        // Histories take turns, so that noise on the machine spreads over all of them alike.
        for (int sample = 0; sample < sizes.sourcedSamples(); sample++) {
            for (int i = 0; i < customers.size(); i++) {
                String customerId = customers.get(i);
                long start = System.nanoTime();
                commands.sendAndWait(rename(customerId, "Sample " + sample));
                commandLatencies.get(i).add(System.nanoTime() - start);
                start = System.nanoTime();
                readHistory(mms.jdbc(), serializer, customerId);
                readLatencies.get(i).add(System.nanoTime() - start);
            }
        }
        for (int i = 0; i < customers.size(); i++) {
            String history = sizes.histories().get(i) + " events";
            results.accept(new Measurement(NAME, "command, history of " + history, "p50 ms",
                    commandLatencies.get(i).percentileMillis(0.50)));
            results.accept(new Measurement(NAME, "baseline: raw read + deserialize, " + history, "p50 ms",
                    readLatencies.get(i).percentileMillis(0.50)));
        }
        int last = customers.size() - 1;
        results.accept(new Measurement(NAME, "ratio command, longest / shortest history", "ratio",
                commandLatencies.get(last).percentileMillis(0.5) / commandLatencies.get(0).percentileMillis(0.5)));
    }

    private static String customerWithHistory(CommandGateway commands, int length) {
        String customerId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterCustomer(customerId, customerId + "@history.example", "History"));
        for (int event = 1; event < length; event++) {
            commands.sendAndWait(rename(customerId, "History " + event));
        }
        return customerId;
    }

    private static UpdateCustomerProfile rename(String customerId, String name) {
        return new UpdateCustomerProfile(customerId, name, null, null, null);
    }

    /** Every event of the customer, read and turned back into event objects, without a snapshot. */
    private static int readHistory(JdbcTemplate jdbc, Serializer serializer, String customerId) {
        List<Object> events = jdbc.query(
                "SELECT payloadType, payloadRevision, payload FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (row, index) -> serializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("payload"), byte[].class, row.getString("payloadType"),
                        row.getString("payloadRevision"))),
                customerId);
        return events.size();
    }
}
