package io.campaignkit.channel.twilio.internal;

import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Twilio would refuse of a campaign's message at its first send, checked before launch without
 * calling Twilio: the sender's form ({@code +E164}, {@code whatsapp:+E164} on a WhatsApp adapter only, a
 * Messaging Service SID {@code MG…}, on SMS also a short code or an alphanumeric sender id), a template
 * this adapter knows a Content SID for ({@code HX…}), at most {@value ContentVariables#MAX_VARIABLES}
 * content variables, and on WhatsApp a template as the first message (a free-form text outside the 24 h
 * window fails with 63016).
 */
public final class SendPreflight {

    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{5,6}");
    /** Alphanumeric sender ids: up to 11 letters, digits and spaces, at least one letter. */
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    private SendPreflight() {}

    /** Every problem of {@code plan} for an adapter that sends WhatsApp ({@code whatsApp}) or SMS. */
    public static List<PreflightProblem> problems(
            MessagePlan plan, boolean whatsApp, OutboundMapping.ContentSidResolver contentSids) {
        List<PreflightProblem> problems = new ArrayList<>();
        senderProblem(plan.senderId().strip(), whatsApp).ifPresent(problems::add);
        if (plan.message() instanceof TextContent && whatsApp) {
            problems.add(new PreflightProblem(
                    PreflightProblem.MESSAGE,
                    "a campaign's first message on WhatsApp must be an"
                            + " approved Content template: Twilio refuses free-form text outside the 24-hour window (error 63016);"
                            + " choose a channel template"));
        } else if (plan.message() instanceof TemplateContent template) {
            if (contentSids.contentSidFor(template.name(), template.language()).isEmpty()) {
                problems.add(new PreflightProblem(
                        PreflightProblem.TEMPLATE_NAME,
                        "template '" + template.name() + "' ("
                                + template.language()
                                + ") has no Twilio Content SID: name it by its HX… SID or map it in the"
                                + " adapter's configuration"));
            }
            if (template.bodyParameters().size() > ContentVariables.MAX_VARIABLES) {
                problems.add(new PreflightProblem(
                        PreflightProblem.PARAMETERS,
                        "the template has "
                                + template.bodyParameters().size() + " values; Twilio takes at most "
                                + ContentVariables.MAX_VARIABLES
                                + " content variables"));
            }
        }
        return List.copyOf(problems);
    }

    private static java.util.Optional<PreflightProblem> senderProblem(String sender, boolean whatsApp) {
        if (MESSAGING_SERVICE_SID.matcher(sender).matches()) {
            return java.util.Optional.empty();
        }
        if (sender.startsWith(OutboundMapping.WHATSAPP_PREFIX)) {
            if (!whatsApp) {
                return problem("sender '" + sender + "' is a WhatsApp address but this Twilio adapter sends SMS");
            }
            return E164.matcher(sender.substring(OutboundMapping.WHATSAPP_PREFIX.length()))
                            .matches()
                    ? java.util.Optional.empty()
                    : problem("sender '" + sender
                            + "' must be whatsapp:+ and an E.164 number, such as whatsapp:+14155238886");
        }
        if (whatsApp) {
            return problem(
                    "sender '" + sender + "' must be a WhatsApp address whatsapp:+E164 or a Messaging Service SID"
                            + " (MG and 32 hex digits) on this WhatsApp adapter");
        }
        boolean valid = E164.matcher(sender).matches()
                || SHORT_CODE.matcher(sender).matches()
                || ALPHANUMERIC_SENDER.matcher(sender).matches();
        return valid
                ? java.util.Optional.empty()
                : problem(
                        "sender '" + sender
                                + "' must be a Twilio number in E.164 (+ and the digits, such as +15005550006), a short"
                                + " code, an alphanumeric sender id of up to 11 characters or a Messaging Service SID (MG and 32 hex digits)");
    }

    private static java.util.Optional<PreflightProblem> problem(String text) {
        return java.util.Optional.of(new PreflightProblem(PreflightProblem.SENDER, text));
    }
}
