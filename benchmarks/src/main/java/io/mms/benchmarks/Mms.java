package io.mms.benchmarks;

import io.mms.launcher.MmsApplication;
import io.mms.projections.support.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole of MMS started in this JVM as a user starts it, on a free port and its own data
 * directory, with the benchmarks' REST baseline added to the same web server.
 */
final class Mms implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Http http;

    private Mms(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static Mms start(Path dataDirectory, List<String> settings) {
        System.setProperty("disable-axoniq-console-message", "true");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--mms.data-dir=" + dataDirectory,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--axon.update-check.disabled=true"));
        args.addAll(Export.clientSettings());
        args.addAll(settings);
        return new Mms(new SpringApplicationBuilder(MmsApplication.class)
                .sources(RestBaseline.class)
                .run(args.toArray(String[]::new)));
    }

    Http http() {
        return http;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every read model MMS keeps, as the projections module declares them. */
    @SuppressWarnings("unchecked")
    List<ReadModel> readModels() {
        return (List<ReadModel>) context.getBean("readModels", List.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The highest position in the event store, or -1 if it is empty. */
    long head() {
        Long head = jdbc().queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? -1 : head;
    }

    Map<String, StreamingEventProcessor> streamingProcessors() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
    }

    /** Whether every claimed segment of the processor has handled the event at {@code position}. */
    static boolean reached(StreamingEventProcessor processor, long position, int segments) {
        var statuses = processor.processingStatus().values();
        return statuses.size() >= segments && statuses.stream().allMatch(status ->
                !status.isErrorState() && status.getCurrentPosition().orElse(-1L) >= position);
    }

    /** Waits until every streaming processor has handled everything stored so far. */
    void awaitProcessorsCaughtUp(Duration timeout) {
        long head = head();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var entry : streamingProcessors().entrySet()) {
            while (!reached(entry.getValue(), head, 1)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(entry.getKey() + " did not reach position " + head);
                }
                pause(Duration.ofMillis(20));
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
