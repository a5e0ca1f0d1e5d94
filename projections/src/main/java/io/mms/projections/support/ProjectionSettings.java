package io.mms.projections.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How read models are stored and processed.
 *
 * @param database  the MongoDB database that holds every read model, its tokens and dead letters
 * @param batchSize events per processor batch; each batch is one bulk write per collection
 * @param segments  segments per processor when it starts for the first time
 * @param idleTokenInterval how often a segment that receives no events of its own stores
 *                  that it has passed the others' events; a read model's position (the
 *                  lowest of its segments) trails the stream by at most about this much
 */
@ConfigurationProperties("mms.projections")
public record ProjectionSettings(
        @DefaultValue("mms") String database,
        @DefaultValue("100") int batchSize,
        @DefaultValue("4") int segments,
        @DefaultValue("500ms") Duration idleTokenInterval) {
}
