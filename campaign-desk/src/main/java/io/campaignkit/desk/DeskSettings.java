package io.campaignkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.internal.Checks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the desk works one campaign's conversations, as the host's campaign screen configured it.
 *
 * @param campaignId the campaign
 * @param queue the queue its handed-off conversations wait in
 * @param method round robin or smart
 * @param policies the conversation policies
 * @param dispositions the dispositions, all required
 * @param fields the dynamic fields, names unique
 * @param surveyBotFlowId the survey bot started after a close by an agent or by inactivity, if enabled
 * @param hours the desk's schedule, if it has one (otherwise always open)
 * @param inactivityTimeout a waiting or assigned conversation without a message for this long is closed
 * @param version the store's optimistic version (0: not stored yet); {@link ConversationDesk#configure} changes
 *     stored settings only from the version it read, so two desks do not silently overwrite each other
 */
public record DeskSettings(
        CampaignId campaignId,
        String queue,
        AssignmentMethod method,
        ConversationPolicies policies,
        Dispositions dispositions,
        List<FieldDefinition> fields,
        Optional<String> surveyBotFlowId,
        Optional<DeskHours> hours,
        Duration inactivityTimeout,
        long version) {

    public DeskSettings {
        Checks.nonNull(campaignId, "campaignId");
        Checks.nonBlank(queue, "queue");
        Checks.nonNull(method, "method");
        Checks.nonNull(policies, "policies");
        Checks.nonNull(dispositions, "dispositions");
        fields = List.copyOf(Checks.noNulls(fields, "fields"));
        Set<String> names = new HashSet<>();
        fields.forEach(field ->
                Checks.require(names.add(field.name()), "fields", "field " + field.name() + " is defined twice"));
        Checks.nonNull(surveyBotFlowId, "surveyBotFlowId");
        Checks.nonNull(hours, "hours");
        Checks.nonNull(inactivityTimeout, "inactivityTimeout");
        Checks.require(
                inactivityTimeout.compareTo(Duration.ofMinutes(1)) >= 0,
                "inactivityTimeout",
                "inactivityTimeout must be at least a minute, was " + inactivityTimeout);
        Checks.require(version >= 0, "version", "version is not negative, was " + version);
    }

    /** Settings not stored yet (version 0). */
    public DeskSettings(
            CampaignId campaignId,
            String queue,
            AssignmentMethod method,
            ConversationPolicies policies,
            Dispositions dispositions,
            List<FieldDefinition> fields,
            Optional<String> surveyBotFlowId,
            Optional<DeskHours> hours,
            Duration inactivityTimeout) {
        this(campaignId, queue, method, policies, dispositions, fields, surveyBotFlowId, hours, inactivityTimeout, 0);
    }

    /** Settings with permissive policies, no fields, no survey, always open, 30 minutes of inactivity. */
    public static DeskSettings of(
            CampaignId campaignId, String queue, AssignmentMethod method, Dispositions dispositions) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                ConversationPolicies.PERMISSIVE,
                dispositions,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(30));
    }

    public DeskSettings withPolicies(ConversationPolicies newPolicies) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                newPolicies,
                dispositions,
                fields,
                surveyBotFlowId,
                hours,
                inactivityTimeout,
                version);
    }

    public DeskSettings withFields(List<FieldDefinition> newFields) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                policies,
                dispositions,
                newFields,
                surveyBotFlowId,
                hours,
                inactivityTimeout,
                version);
    }

    public DeskSettings withSurvey(String botFlowId) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                policies,
                dispositions,
                fields,
                Optional.of(botFlowId),
                hours,
                inactivityTimeout,
                version);
    }

    public DeskSettings withHours(DeskHours newHours) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                policies,
                dispositions,
                fields,
                surveyBotFlowId,
                Optional.of(newHours),
                inactivityTimeout,
                version);
    }

    public DeskSettings withInactivityTimeout(Duration timeout) {
        return new DeskSettings(
                campaignId, queue, method, policies, dispositions, fields, surveyBotFlowId, hours, timeout, version);
    }

    /** These settings at {@code storedVersion} (the stores answer what they stored this way). */
    public DeskSettings withVersion(long storedVersion) {
        return new DeskSettings(
                campaignId,
                queue,
                method,
                policies,
                dispositions,
                fields,
                surveyBotFlowId,
                hours,
                inactivityTimeout,
                storedVersion);
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
