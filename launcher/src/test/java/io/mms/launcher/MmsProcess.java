package io.mms.launcher;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MMS started in a JVM of its own, on the test's classpath and a data directory of the test's
 * choosing, so that a test can kill it as a crash or {@code kill -9} would. Closing it kills
 * it if it still runs.
 */
final class MmsProcess implements AutoCloseable {

    private static final Pattern RUNNING =
            Pattern.compile("MMS is running: GraphQL at http://localhost:(\\d+)/graphql");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path output;
    private final int port;

    private MmsProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts MMS and waits until it says it is running; its output goes to the given file. */
    static MmsProcess start(Path dataDirectory, Path output, String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxon.update-check.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                MmsApplication.class.getName(),
                "--server.port=0", "--mms.data-dir=" + dataDirectory, "--spring.main.banner-mode=off"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            return new MmsProcess(process, output, awaitPort(process, output));
        } catch (RuntimeException | Error failed) {
            process.destroyForcibly();
            throw failed;
        }
    }

    private static int awaitPort(Process process, Path output) {
        int[] port = new int[1];
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("MMS process alive; its output is in " + output).isTrue();
            Matcher running = RUNNING.matcher(read(output));
            if (running.find()) {
                port[0] = Integer.parseInt(running.group(1));
                return true;
            }
            return false;
        });
        return port[0];
    }

    HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    /** What the process wrote to its standard output and error so far. */
    String output() {
        return read(output);
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("MMS process ended").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
