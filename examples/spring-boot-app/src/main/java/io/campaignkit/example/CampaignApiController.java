package io.campaignkit.example;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The REST API: upload a contact file, create, schedule, launch, pause, resume and finish a campaign, read
 * its metrics and download its report. A refused request answers {@code {"code", "message"}}.
 */
@RestController
@RequestMapping("/api")
public class CampaignApiController {

    /** The body of a schedule request. */
    public record Schedule(Instant startAt) {}

    private final CampaignOperations operations;
    private final ContactUploads uploads;
    private final CampaignEngine engine;
    private final LiveFigures live;

    public CampaignApiController(
            CampaignOperations operations, ContactUploads uploads, CampaignEngine engine, LiveFigures live) {
        this.operations = operations;
        this.uploads = uploads;
        this.engine = engine;
        this.live = live;
    }

    /** 200 with the upload's id when every row is valid; 422 with every row's problem otherwise. */
    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ContactUploads.Upload> upload(@RequestParam("file") MultipartFile file) throws IOException {
        ContactUploads.Upload upload = uploads.upload(file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(upload.accepted() ? HttpStatus.OK : HttpStatus.valueOf(422))
                .body(upload);
    }

    @PostMapping("/campaigns")
    public ResponseEntity<CampaignView> create(@RequestBody CampaignOperations.NewCampaign request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(operations.create(request)));
    }

    @GetMapping("/campaigns")
    public List<CampaignView> list() {
        return operations.list().stream().map(this::view).toList();
    }

    /** Every campaign's view as server-sent events {@code campaigns}: now, then every second. */
    @GetMapping("/campaigns/live")
    public SseEmitter liveList() {
        return live.subscribe(Optional.empty());
    }

    /** The campaign's view as server-sent events {@code campaign}: now, then every second. */
    @GetMapping("/campaigns/{id}/live")
    public SseEmitter liveCampaign(@PathVariable("id") String id) {
        get(id);
        return live.subscribe(Optional.of(CampaignId.of(id)));
    }

    @GetMapping("/campaigns/{id}")
    public CampaignView get(@PathVariable("id") String id) {
        return view(operations.find(CampaignId.of(id)).orElseThrow(() -> new NotFound(id)));
    }

    @PostMapping("/campaigns/{id}/schedule")
    public CampaignView schedule(@PathVariable("id") String id, @RequestBody Schedule schedule) {
        if (schedule == null || schedule.startAt() == null) {
            throw new InvalidArgumentException("startAt", "startAt is required, such as 2026-12-24T15:00:00Z");
        }
        return view(operations.schedule(CampaignId.of(id), schedule.startAt()));
    }

    @PostMapping("/campaigns/{id}/launch")
    public CampaignView launch(@PathVariable("id") String id) {
        return view(operations.launch(CampaignId.of(id)));
    }

    @PostMapping("/campaigns/{id}/pause")
    public CampaignView pause(@PathVariable("id") String id) {
        return view(operations.pause(CampaignId.of(id)));
    }

    @PostMapping("/campaigns/{id}/resume")
    public CampaignView resume(@PathVariable("id") String id) {
        return view(operations.resume(CampaignId.of(id)));
    }

    @PostMapping("/campaigns/{id}/finish")
    public CampaignView finish(@PathVariable("id") String id) {
        return view(operations.finish(CampaignId.of(id)));
    }

    @GetMapping("/campaigns/{id}/metrics")
    public CampaignView.Figures metrics(@PathVariable("id") String id) {
        return get(id).metrics();
    }

    /**
     * The report, written by the library's {@code campaign-report}: {@code format} csv (default), json or
     * html; optional filters by state and error code.
     */
    @GetMapping("/campaigns/{id}/report")
    public ResponseEntity<String> report(
            @PathVariable("id") String id,
            @RequestParam(name = "format", defaultValue = "csv") String format,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error)
            throws IOException {
        get(id);
        ReportFormat writer = switch (format) {
            case "csv" -> ReportFormat.CSV;
            case "json" -> ReportFormat.JSON;
            case "html" -> ReportFormat.HTML;
            default ->
                throw new InvalidArgumentException("format", "format must be csv, json or html, was '" + format + "'");
        };
        StringWriter body = new StringWriter();
        writer.write(operations.report(CampaignId.of(id), state, error), body);
        String type = switch (writer) {
            case CSV -> "text/csv;charset=UTF-8";
            case JSON -> "application/json";
            case HTML -> "text/html;charset=UTF-8";
        };
        return download("campaign-" + id + "-report." + writer.extension(), type, body.toString());
    }

    private static ResponseEntity<String> download(String fileName, String type, String body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }

    private CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, engine.metrics(campaign.id()));
    }

    static final class NotFound extends RuntimeException {
        NotFound(String id) {
            super("no campaign '" + id + "'");
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "NOT_FOUND", "message", e.getMessage()));
    }

    @ExceptionHandler({IllegalCampaignActionException.class})
    ResponseEntity<Map<String, String>> conflict(CampaignKitException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", e.code(), "message", e.getMessage()));
    }

    @ExceptionHandler({CampaignValidationException.class, CampaignKitException.class})
    ResponseEntity<Map<String, String>> refused(CampaignKitException e) {
        return ResponseEntity.badRequest().body(Map.of("code", e.code(), "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("code", "INVALID_ARGUMENT", "message", String.valueOf(e.getMessage())));
    }
}
