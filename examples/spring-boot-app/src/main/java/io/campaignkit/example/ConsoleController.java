package io.campaignkit.example;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.report.ReportRow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console: server-rendered pages over {@link CampaignOperations}, plain forms that work
 * without JavaScript (a script only refreshes the figures while a campaign runs).
 */
@Controller
public class ConsoleController {

    private final CampaignOperations operations;
    private final ContactUploads uploads;
    private final CampaignEngine engine;

    public ConsoleController(CampaignOperations operations, ContactUploads uploads, CampaignEngine engine) {
        this.operations = operations;
        this.uploads = uploads;
        this.engine = engine;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    public String list(Model model) {
        model.addAttribute(
                "campaigns", operations.list().stream().map(this::view).toList());
        return "list";
    }

    @GetMapping("/console/new")
    public String newCampaign(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("text", "Hola {{1}}, tu saldo es {{2}}");
        model.addAttribute("perSecond", 20);
        return "new";
    }

    /** Validates the file: every invalid row is shown on the form again; a valid file creates the campaign. */
    @PostMapping("/console/new")
    public String create(
            @RequestParam("name") String name,
            @RequestParam("text") String text,
            @RequestParam(name = "perSecond", defaultValue = "20") int perSecond,
            @RequestParam("file") MultipartFile file,
            Model model)
            throws IOException {
        model.addAttribute("name", name);
        model.addAttribute("text", text);
        model.addAttribute("perSecond", perSecond);
        if (file.isEmpty()) {
            model.addAttribute("problem", "Choose a contact file (CSV, TSV, XLSX or XLS).");
            return "new";
        }
        ContactUploads.Upload upload = uploads.upload(file.getOriginalFilename(), file.getBytes());
        if (!upload.accepted()) {
            model.addAttribute("upload", upload);
            return "new";
        }
        try {
            Campaign campaign = operations.create(
                    new CampaignOperations.NewCampaign(name, upload.uploadId(), text, perSecond, null));
            return "redirect:/console/campaigns/" + campaign.id().value();
        } catch (CampaignKitException e) {
            model.addAttribute("problem", e.getMessage());
            return "new";
        }
    }

    @GetMapping("/console/campaigns/{id}")
    public String campaign(@PathVariable("id") String id, Model model) {
        model.addAttribute("campaign", view(find(id)));
        return "campaign";
    }

    @PostMapping("/console/campaigns/{id}/{action:launch|pause|resume}")
    public String act(
            @PathVariable("id") String id, @PathVariable("action") String action, RedirectAttributes redirect) {
        CampaignId campaign = CampaignId.of(id);
        try {
            switch (action) {
                case "launch" -> operations.launch(campaign);
                case "pause" -> operations.pause(campaign);
                default -> operations.resume(campaign);
            }
            redirect.addFlashAttribute("notice", "Done: " + action + ".");
        } catch (CampaignKitException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/campaigns/" + id;
    }

    @GetMapping("/console/campaigns/{id}/finish")
    public String confirmFinish(@PathVariable("id") String id, Model model) {
        model.addAttribute("campaign", view(find(id)));
        return "finish";
    }

    @PostMapping("/console/campaigns/{id}/finish")
    public String finish(@PathVariable("id") String id, RedirectAttributes redirect) {
        try {
            operations.finish(CampaignId.of(id));
            redirect.addFlashAttribute("notice", "The campaign is finished: every conversation is closed.");
        } catch (CampaignKitException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/campaigns/" + id;
    }

    @GetMapping("/console/campaigns/{id}/report")
    public String report(
            @PathVariable("id") String id,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            Model model) {
        model.addAttribute("campaign", view(find(id)));
        List<List<String>> rows = new ArrayList<>();
        operations.report(CampaignId.of(id), state, error).rows().forEachRow(row -> rows.add(cells(row)));
        model.addAttribute("rows", rows);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute(
                "states", Arrays.stream(DeliveryState.values()).map(Enum::name).toList());
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("error", error == null ? "" : error);
        return "report";
    }

    /** The columns of the report page's table: the report's rows as people read them. */
    static final List<String> COLUMNS = List.of("contact", "status", "error", "sent", "delivered", "read", "replied");

    private static List<String> cells(ReportRow row) {
        return List.of(
                row.contact(),
                row.status(),
                row.errorCode().orElse(""),
                time(row.sentAt()),
                time(row.deliveredAt()),
                time(row.readAt()),
                time(row.repliedAt()));
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }

    private Campaign find(String id) {
        return operations.find(CampaignId.of(id)).orElseThrow(() -> new CampaignApiController.NotFound(id));
    }

    private CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, engine.metrics(campaign.id()));
    }
}
