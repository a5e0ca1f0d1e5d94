package io.mms.projections.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a read model's parked events back to its handlers, sequence by sequence, until none
 * is left or one fails again (which stays parked, with its failure counted). Only a process
 * that runs the read model's processor can do so.
 */
public class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    public DeadLetterRetry(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    public Outcome retry(String processingGroup) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new ProcessorElsewhere(processingGroup));
        int retried = 0;
        while (processor.processAny()) {
            retried++;
        }
        long remaining = deadLetters.count(processingGroup);
        log.info("Retried {} dead-letter sequence(s) of {}; {} event(s) remain parked",
                retried, processingGroup, remaining);
        return new Outcome(retried, remaining);
    }

    /**
     * @param retriedSequences how many sequences (the parked events of one document) were handled
     * @param remaining        how many events stay parked
     */
    public record Outcome(int retriedSequences, long remaining) {
    }

    /** The read model's processor does not run in this process, so its dead letters cannot be retried here. */
    public static class ProcessorElsewhere extends RuntimeException {

        public ProcessorElsewhere(String processingGroup) {
            super("the processor of " + processingGroup + " does not run in this process; "
                    + "retry its dead letters where the projections side runs");
        }
    }
}
