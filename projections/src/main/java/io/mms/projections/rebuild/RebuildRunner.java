package io.mms.projections.rebuild;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.EventPositions;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelProgress;
import io.mms.projections.support.ReadModelVersions;
import io.mms.projections.support.StreamPositions;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries out read-model rebuilds on the projections side. Every poll interval it starts the
 * requested ones, resumes those it does not run yet (after a restart), samples and logs their
 * progress, switches one that caught up, removes cancelled ones, and drops versions replaced
 * long enough ago.
 *
 * <p>The switch: once the rebuild has come within a batch of the live processor, the live
 * processor stops; the rebuild handles the events the live one had handled and stops too; the
 * rebuild becomes {@code SWITCHING} (no longer cancellable, and completed at the next start-up
 * before any processor runs, should the application die now); {@link RebuildWorkspace}
 * switches versions, token and dead letters; the live processor starts again from the
 * rebuild's token. Queries are served throughout, from one version or the other.
 */
public class RebuildRunner implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);

    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);

    private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
    private final Rebuilds rebuilds;
    private final ProcessorTokens tokens;
    private final ReadModelVersions versions;
    private final RebuildWorkspace workspace;
    private final MongoDatabase database;
    private final RebuildHandlers handlers;
    private final EventPositions positions;
    private final ProjectionSettings projections;
    private final RebuildSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final RebuildPace pace = new RebuildPace();
    private final Map<String, RebuildProcessor> running = new HashMap<>();
    private final Map<String, Instant> sweptAfter = new HashMap<>();

    private RebuildProcessor.Context context;
    private ScheduledExecutorService ticker;

    /**
     * @param database the read-model database itself, not the live view of it
     */
    public RebuildRunner(List<ReadModel> readModels, Rebuilds rebuilds, ProcessorTokens tokens,
                         ReadModelVersions versions, MongoClient client, MongoDatabase database,
                         RebuildHandlers handlers, EventPositions positions, ProjectionSettings projections,
                         RebuildSettings settings) {
        readModels.forEach(readModel -> this.readModels.put(readModel.processor(), readModel));
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.versions = versions;
        this.workspace = new RebuildWorkspace(client, database, template(database), versions);
        this.database = database;
        this.handlers = handlers;
        this.positions = positions;
        this.projections = projections;
        this.settings = settings;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(config -> {
            config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, this::finishInterruptedSwitches);
            config.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> start(config));
            config.onShutdown(Phase.INBOUND_EVENT_CONNECTORS + 1, this::stop);
        });
    }

    /** Completes a switch that a crash cut short, before any processor starts on a half-switched read model. */
    void finishInterruptedSwitches() {
        for (Rebuild rebuild : rebuilds.unfinished()) {
            if (rebuild.state() == RebuildState.SWITCHING && readModels.containsKey(rebuild.readModel())) {
                completeSwitch(rebuild);
                log.info("Rebuild of {} completed after a restart: queries read version {}",
                        rebuild.readModel(), rebuild.toVersion());
            }
        }
    }

    private void start(Configuration axon) {
        context = new RebuildProcessor.Context(axon, database, template(database), handlers, positions,
                projections, settings);
        ticker = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ReadModelRebuilds"));
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(settings.catchUpTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                log.warn("Rebuild steps did not end in time; stopping their processors regardless");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        running.values().forEach(RebuildProcessor::stop);
        running.clear();
    }

    /** One round of steps; a step that fails is tried again at the next round, and the others still run. */
    private void tick() {
        attempt("every read model", () -> {
            long head = StreamPositions.head(context.axon().eventStore());
            List<Rebuild> unfinished = rebuilds.unfinished();
            // Starting and cancelling first: a switch may hold this thread for seconds.
            unfinished.stream().filter(rebuild -> rebuild.state() != RebuildState.RUNNING)
                    .forEach(rebuild -> attempt(rebuild.readModel(), () -> step(rebuild, head)));
            unfinished.stream().filter(rebuild -> rebuild.state() == RebuildState.RUNNING)
                    .forEach(rebuild -> attempt(rebuild.readModel(), () -> step(rebuild, head)));
            attempt("retired versions", this::dropRetiredVersions);
        });
    }

    private void attempt(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException failed) {
            log.warn("A rebuild step for {} failed; it is tried again in {}", what, settings.pollInterval(), failed);
        }
    }

    private void step(Rebuild rebuild, long head) {
        ReadModel readModel = readModels.get(rebuild.readModel());
        if (readModel == null) {
            return; // asked for by a version of MMS that kept this read model; this one cannot build it
        }
        switch (rebuild.state()) {
            case REQUESTED -> begin(rebuild, readModel);
            case RUNNING -> proceed(rebuild, readModel, head);
            case CANCELLING -> cancel(rebuild, readModel);
            default -> {
                // SWITCHING is completed by the process that switches, or when it starts again.
            }
        }
    }

    private void begin(Rebuild rebuild, ReadModel readModel) {
        workspace.prepare(readModel, rebuild.toVersion());
        if (rebuilds.advance(rebuild.readModel(), RebuildState.REQUESTED, RebuildState.RUNNING)) {
            running.put(rebuild.readModel(), RebuildProcessor.start(readModel, rebuild.toVersion(), context));
            log.info("Rebuild of {} started: version {} is built from the first event beside the live version {}",
                    rebuild.readModel(), rebuild.toVersion(), rebuild.fromVersion());
        }
    }

    private void proceed(Rebuild rebuild, ReadModel readModel, long head) {
        String name = rebuild.readModel();
        RebuildProcessor processor = running.get(name);
        if (processor == null) {
            running.put(name, RebuildProcessor.start(readModel, rebuild.toVersion(), context));
            log.info("Rebuild of {} resumed from position {}", name, rebuildProgress(name).position());
            return;
        }
        ReadModelProgress progress = rebuildProgress(name);
        long now = System.nanoTime();
        Double rate = pace.sample(name, progress.position(), now);
        rebuilds.recordProgress(name, progress.position(), rate);
        if (pace.logDue(name, now, settings.logInterval())) {
            logProgress(name, progress.position(), head, rate);
        }
        if (progress.started() && progress.position() >= tokens.progressOf(name).position() - projections.batchSize()) {
            switchOver(rebuild, processor, rate);
        }
    }

    private void switchOver(Rebuild rebuild, RebuildProcessor processor, Double rate) {
        String name = rebuild.readModel();
        StreamingEventProcessor live = context.axon().eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("the processor of " + name + " does not run here"));
        live.shutDown();
        try {
            long liveReached = tokens.progressOf(name).position();
            if (!reached(name, liveReached)) {
                log.warn("Rebuild of {} did not reach live processing's position {} within {}; switching later",
                        name, liveReached, settings.catchUpTimeout());
                return;
            }
            processor.stop();
            running.remove(name);
            long position = rebuildProgress(name).position();
            rebuilds.recordProgress(name, position, rate);
            if (rebuilds.advance(name, RebuildState.RUNNING, RebuildState.SWITCHING)) {
                completeSwitch(rebuild);
                pace.forget(name);
                log.info("Rebuild of {} completed at position {}: queries read version {}; version {} is dropped "
                        + "after {}", name, position, rebuild.toVersion(), rebuild.fromVersion(),
                        settings.retiredAfter());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            live.start();
        }
    }

    private boolean reached(String name, long position) throws InterruptedException {
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        while (rebuildProgress(name).position() < position) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(CATCH_UP_POLL.toMillis());
        }
        return true;
    }

    private void completeSwitch(Rebuild rebuild) {
        try {
            workspace.switchTo(rebuild);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("switching " + rebuild.readModel() + " was interrupted; "
                    + "it is completed at the next start", interrupted);
        }
        rebuilds.advance(rebuild.readModel(), RebuildState.SWITCHING, RebuildState.COMPLETED);
    }

    private void cancel(Rebuild rebuild, ReadModel readModel) {
        RebuildProcessor processor = running.remove(rebuild.readModel());
        if (processor != null) {
            processor.stop();
        }
        workspace.discard(readModel, rebuild.toVersion());
        rebuilds.advance(rebuild.readModel(), RebuildState.CANCELLING, RebuildState.CANCELLED);
        pace.forget(rebuild.readModel());
        log.info("Rebuild of {} cancelled; what it had built is removed", rebuild.readModel());
    }

    /** Drops a read model's replaced version once queries that began before the switch have surely ended. */
    private void dropRetiredVersions() {
        for (ReadModel readModel : readModels.values()) {
            String name = readModel.processor();
            Optional<Instant> switched = versions.switchedAt(name);
            if (switched.isEmpty() || switched.get().equals(sweptAfter.get(name))
                    || switched.get().plus(settings.retiredAfter()).isAfter(clock.instant())) {
                continue;
            }
            Set<Integer> keep = new HashSet<>(Set.of(versions.liveVersion(name)));
            rebuilds.of(name).filter(rebuild -> !rebuild.state().finished())
                    .ifPresent(rebuild -> keep.add(rebuild.toVersion()));
            List<String> dropped = workspace.dropRetired(readModel, keep);
            sweptAfter.put(name, switched.get());
            if (!dropped.isEmpty()) {
                log.info("Dropped {} of {}, replaced at {}", dropped, name, switched.get());
            }
        }
    }

    private void logProgress(String name, long position, long head, Double rate) {
        Long secondsLeft = Rebuilds.secondsLeft(position, head, rate);
        log.info("Rebuild of {}: position {} of {}, {} events/s, {}", name, position, head,
                rate == null ? "?" : Math.round(rate),
                secondsLeft == null ? "time left unknown" : "about " + secondsLeft + " s left");
    }

    private ReadModelProgress rebuildProgress(String name) {
        return tokens.progressOf(Rebuilds.processorOf(name));
    }

    private static DefaultMongoTemplate template(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }
}
