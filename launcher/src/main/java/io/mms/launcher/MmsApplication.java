package io.mms.launcher;

import io.mms.command.CommandSideConfiguration;
import io.mms.projections.ProjectionsConfiguration;
import io.mms.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Runs every side of MMS in one JVM. Each side can be switched off with
 * {@code mms.sides.<command|projections|query>=false}, so the same jar serves every deployment shape.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({CommandSideConfiguration.class, ProjectionsConfiguration.class, QuerySideConfiguration.class})
public class MmsApplication {

    public static void main(String[] args) {
        // MMS is monitored through its own read-model status, not AxonIQ Console; skip its banner.
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(MmsApplication.class, args);
    }
}
