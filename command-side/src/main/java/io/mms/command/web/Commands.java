package io.mms.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Sends a mutation's command and tells the position it produced, so that the client can ask
 * a query to wait until its own write is visible.
 *
 * <p>The position is the head of the event store once the command has succeeded: at or past
 * every event the command appended (and perhaps past events others appended meanwhile, which
 * only makes a query wait a little longer). A command that changes nothing still answers the
 * head, which any read model reaches anyway.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final EventStore eventStore;

    Commands(CommandGateway gateway, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
    }

    /** Sends the command, waits for its outcome and returns the position it produced. */
    public long send(Object command) {
        gateway.sendAndWait(command);
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
