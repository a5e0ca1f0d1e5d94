package io.mms.query;

import io.mms.projections.ReadModelStatusConfiguration;
import io.mms.query.web.ReadYourWritesSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The query side: GraphQL queries served from the read models. Switched off with
 * {@code mms.sides.query=false} in a deployment that runs other sides only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mms.sides.query", havingValue = "true", matchIfMissing = true)
@Import(ReadModelStatusConfiguration.class)
@EnableConfigurationProperties({ReadYourWritesSettings.class, QuerySettings.class})
@ComponentScan
public class QuerySideConfiguration {
}
