package io.campaignkit.example;

import io.campaignkit.core.port.BotFlow;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An operator console and a REST API over CampaignKit's Spring Boot starter. On a fresh clone it runs on
 * an H2 file and the simulated channel ({@code application.properties}); real channels are properties.
 */
@SpringBootApplication
public class ExampleApplication {

    /** The bot that answers every reply of the example's campaigns: its bean name is its flow id. */
    public static final String BOT = "thanksBot";

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    @Bean(name = BOT)
    BotFlow thanksBot() {
        return (context, message, reply) -> reply.sendText("Gracias, un asesor te contactará pronto.");
    }
}
