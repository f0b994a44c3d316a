package io.campaignkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.spring.CampaignKitChannels;
import io.campaignkit.testkit.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The REST API end to end on H2 and the simulated channel, on a manual clock: upload with row and column
 * errors, fix and upload again, create, launch, pause, resume, finish, metrics, the report in three formats.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
            "campaignkit.runner.enabled=false",
            "campaignkit.channels.simulated.delivered-after=PT0S",
            "example.live-period=PT1H"
        })
@AutoConfigureMockMvc
class CampaignApiTest {

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return ManualClock.ofDefaults();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignEngine engine;

    @Autowired
    CampaignKitChannels channels;

    @Autowired
    Clock clock;

    @Autowired
    LiveFigures live;

    static MockMultipartFile file(String name) throws IOException {
        try (InputStream in = CampaignApiTest.class.getResourceAsStream("/contacts/" + name)) {
            return new MockMultipartFile("file", name, "text/csv", in.readAllBytes());
        }
    }

    private void runFor(Duration duration) {
        ManualClock manual = (ManualClock) clock;
        for (long s = 0; s < duration.toSeconds(); s++) {
            engine.runDue();
            channels.simulated().orElseThrow().deliverDueEvents();
            manual.advance(Duration.ofSeconds(1));
        }
        engine.runDue();
        channels.simulated().orElseThrow().deliverDueEvents();
    }

    @Test
    void anInvalidFileIsAnsweredWithEveryRowAndColumn() throws Exception {
        mvc.perform(multipart("/api/uploads").file(file("with-errors.csv")))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.uploadId").doesNotExist())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'CONTACT')].code")
                        .value("INVALID_PHONE"))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'MONTO')].code")
                        .value("MISSING_VALUE"))
                .andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'MONTO')].code")
                        .value("INVALID_NUMBER"));
    }

    @Test
    void aCampaignRunsFromUploadToReport() throws Exception {
        String upload = mvc.perform(multipart("/api/uploads").file(file("fixed.csv")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(4))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String uploadId = JsonPath.read(upload, "$.uploadId");

        String created = mvc.perform(post("/api/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Saldo diciembre\",\"uploadId\":\"" + uploadId + "\",\"perSecond\":10}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("READY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(post("/api/campaigns/{id}/launch", id))
                .andExpect(jsonPath("$.state").value("ACTIVE"));
        mvc.perform(post("/api/campaigns/{id}/pause", id))
                .andExpect(jsonPath("$.phase").value("PAUSED"));
        mvc.perform(post("/api/campaigns/{id}/resume", id))
                .andExpect(jsonPath("$.state").value("ACTIVE"));
        runFor(Duration.ofSeconds(5));
        mvc.perform(get("/api/campaigns/{id}/metrics", id))
                .andExpect(jsonPath("$.audience").value(4))
                .andExpect(jsonPath("$.delivered").value(4));
        mvc.perform(post("/api/campaigns/{id}/finish", id))
                .andExpect(jsonPath("$.state").value("FINISHED"));
        mvc.perform(post("/api/campaigns/{id}/pause", id)).andExpect(status().isConflict());

        String csv = mvc.perform(get("/api/campaigns/{id}/report", id))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"campaign-" + id + "-report.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // written by campaign-report: its columns, then one per custom-data field
        assertThat(csv.lines())
                .hasSize(5)
                .first()
                .asString()
                .startsWith("contact,status,error_code,")
                .endsWith(",MONTO");
        assertThat(csv).contains("+525512345678,DELIVERED,");
        mvc.perform(get("/api/campaigns/{id}/report", id)
                        .param("format", "json")
                        .param("state", "DELIVERED"))
                .andExpect(jsonPath("$.summary.name").value("Saldo diciembre"))
                .andExpect(jsonPath("$.recipients.length()").value(4))
                .andExpect(jsonPath("$.recipients[0].status").value("DELIVERED"));
        mvc.perform(get("/api/campaigns/{id}/report", id)
                        .param("format", "json")
                        .param("state", "FAILED"))
                .andExpect(jsonPath("$.recipients.length()").value(0));
        String html = mvc.perform(get("/api/campaigns/{id}/report", id).param("format", "html"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<h1>Saldo diciembre</h1>").contains("<svg");
        mvc.perform(get("/api/campaigns/{id}/report", id).param("format", "pdf"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void liveFiguresStreamAsServerSentEventsAtOnceAndAtEachTick() throws Exception {
        String upload = mvc.perform(multipart("/api/uploads").file(file("fixed.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(
                mvc.perform(post("/api/campaigns")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Live\",\"uploadId\":\"" + JsonPath.read(upload, "$.uploadId")
                                        + "\",\"perSecond\":10}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        MvcResult campaign = mvc.perform(get("/api/campaigns/{id}/live", id))
                .andExpect(request().asyncStarted())
                .andReturn();
        MvcResult everyCampaign = mvc.perform(get("/api/campaigns/live"))
                .andExpect(request().asyncStarted())
                .andReturn();

        assertThat(campaign.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(campaign.getResponse().getContentAsString())
                .as("the figures at once")
                .contains("event:campaign\n")
                .contains("\"id\":\"" + id + "\"")
                .contains("\"state\":\"READY\"");
        assertThat(everyCampaign.getResponse().getContentAsString())
                .contains("event:campaigns\n")
                .contains("\"id\":\"" + id + "\"");

        mvc.perform(post("/api/campaigns/{id}/launch", id))
                .andExpect(jsonPath("$.state").value("ACTIVE"));
        runFor(Duration.ofSeconds(5));
        live.publish(); // what the ticker does every second
        assertThat(campaign.getResponse().getContentAsString())
                .as("the figures at the tick")
                .contains("\"delivered\":4");
        assertThat(everyCampaign.getResponse().getContentAsString()).contains("\"delivered\":4");
        mvc.perform(get("/api/campaigns/{id}/live", "no-such-campaign")).andExpect(status().isNotFound());
        // releases its contacts for the other tests' campaigns on the same sender
        mvc.perform(post("/api/campaigns/{id}/finish", id))
                .andExpect(jsonPath("$.state").value("FINISHED"));
    }

    @Test
    void aScheduledCampaignWaitsForItsStart() throws Exception {
        String upload = mvc.perform(multipart("/api/uploads").file(file("fixed.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String created = mvc.perform(post("/api/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Later\",\"uploadId\":\"" + JsonPath.read(upload, "$.uploadId") + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String startAt = clock.instant().plus(Duration.ofHours(2)).toString();

        mvc.perform(post("/api/campaigns/{id}/schedule", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startAt\":\"" + startAt + "\"}"))
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.phase").value("WAITING"));
        runFor(Duration.ofSeconds(3));
        mvc.perform(get("/api/campaigns/{id}/metrics", id))
                .andExpect(jsonPath("$.sent").value(0));
        // releases its contacts for the other tests' campaigns on the same sender
        mvc.perform(post("/api/campaigns/{id}/finish", id))
                .andExpect(jsonPath("$.state").value("FINISHED"));
    }

    @Test
    void anUnknownCampaignIsNotFound() throws Exception {
        mvc.perform(get("/api/campaigns/{id}", "nope")).andExpect(status().isNotFound());
    }
}
