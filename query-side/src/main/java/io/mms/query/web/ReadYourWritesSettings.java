package io.mms.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a query waits for its read model to reach a client's write.
 *
 * @param timeout      the longest a query waits before it answers {@code STALE}
 * @param pollInterval how often the read model's position is read meanwhile
 */
@ConfigurationProperties("mms.read-your-writes")
public record ReadYourWritesSettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("20ms") Duration pollInterval) {
}
