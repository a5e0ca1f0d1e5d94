package io.mms.query.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;
import java.util.Set;

/**
 * The systems allowed to read the event stream, configured as {@code mms.clients.<name>.*}.
 * Only the SHA-256 of each key is configured, so the configuration never holds a usable key.
 *
 * @param clients the clients by name
 */
@ConfigurationProperties("mms")
record ApiClients(Map<String, Registration> clients) {

    ApiClients {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * One client's configuration.
     *
     * @param apiKeySha256 the hex SHA-256 of the client's key
     * @param scopes       what it may do: {@code events:read}, {@code events:export}, {@code personal-data}
     * @param eventTypes   the public event types it may read, {@code *} for all
     * @param maxStreams   how many streams it may hold open at once; {@code mms.stream.max-per-client}
     *                     when not given
     */
    record Registration(String apiKeySha256, Set<String> scopes, Set<String> eventTypes, Integer maxStreams) {

        Registration {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
            eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        }
    }
}
