package io.mms.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the query side serves subscriptions.
 *
 * @param timelinePollInterval how often a timeline subscription looks for new entries; the
 *                             longest a pushed entry waits after the projection wrote it
 * @param performancePollInterval how often a campaign-performance subscription looks for new facts
 */
@ConfigurationProperties("mms.query")
public record QuerySettings(@DefaultValue("500ms") Duration timelinePollInterval,
                            @DefaultValue("1s") Duration performancePollInterval) {
}
