package io.campaignkit.desk;

/**
 * Starts the campaign's survey bot with the contact after a close by an agent or by inactivity (never after
 * an opt-out or the campaign finishing). The host implements it over its bot platform; the answers come
 * back through {@link ConversationDesk#recordSurveyAnswer}.
 */
@FunctionalInterface
public interface SurveyLauncher {

    void startSurvey(DeskConversation closed, String surveyBotFlowId);
}
