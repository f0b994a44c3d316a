package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the Cloud API would refuse of a campaign's message at its first send, checked before launch
 * without calling Graph: the sender is this adapter's phone-number id (a send from another is refused
 * by the adapter itself), a business-initiated message is an approved template (free-form text outside
 * the 24 h window is error 131047), and a template's name and language code have the forms WhatsApp
 * Manager gives them (lower-case letters, digits and {@code _}; {@code es}, {@code es_MX}). Whether
 * the template exists with that many parameters only Graph knows (132000, 132001).
 */
public final class TemplatePreflight {

    /** WhatsApp Manager's template names: lower-case letters, digits and underscores, at most 512. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    /** Language codes as WhatsApp lists them: {@code en}, {@code es_MX}, {@code zh_HK}, {@code es_419} is not one. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[1-9][0-9 ()-]{6,}");

    private TemplatePreflight() {}

    /** Every problem of {@code plan} for the adapter of phone-number id {@code phoneNumberId}. */
    public static List<PreflightProblem> problems(MessagePlan plan, String phoneNumberId) {
        List<PreflightProblem> problems = new ArrayList<>();
        String sender = plan.senderId();
        if (!sender.equals(phoneNumberId)) {
            String hint =
                    PHONE_NUMBER.matcher(sender).matches() && !sender.chars().allMatch(Character::isDigit)
                            ? "; the sender is the number's phone-number id from WhatsApp Manager, not the phone number"
                            : "";
            problems.add(new PreflightProblem(
                    PreflightProblem.SENDER,
                    "sender '" + sender + "' is not this adapter's phone-number id '" + phoneNumberId + "'" + hint));
        }
        if (plan.message() instanceof TextContent) {
            problems.add(new PreflightProblem(
                    PreflightProblem.MESSAGE,
                    "a campaign's first message on WhatsApp must be an"
                            + " approved template: free-form text reaches only contacts who wrote in the last 24 hours"
                            + " (error 131047 otherwise); choose a channel template"));
        } else if (plan.message() instanceof TemplateContent template) {
            if (!TEMPLATE_NAME.matcher(template.name()).matches()) {
                problems.add(new PreflightProblem(
                        PreflightProblem.TEMPLATE_NAME,
                        "template name '" + template.name()
                                + "' cannot be a WhatsApp template's: names are lower-case letters, digits and '_'"
                                + " (as WhatsApp Manager shows them, such as pago_pendiente)"));
            }
            if (!LANGUAGE.matcher(template.language()).matches()) {
                problems.add(new PreflightProblem(
                        PreflightProblem.LANGUAGE,
                        "language '" + template.language()
                                + "' is not a WhatsApp language code such as es, es_MX or en_US"));
            }
        }
        return List.copyOf(problems);
    }
}
