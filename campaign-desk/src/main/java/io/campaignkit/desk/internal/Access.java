package io.campaignkit.desk.internal;

import io.campaignkit.desk.Actor;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.Role;

/** Who may act on what: the role checks of the desk's operations. */
final class Access {

    private Access() {}

    static boolean supervises(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMINISTRATOR;
    }

    /** An agent acts only on conversations assigned to it; a supervisor or administrator on any. */
    static void actsOn(Actor actor, DeskConversation conversation, String action) {
        if (supervises(actor)) {
            return;
        }
        if (!conversation.isWithAgent(actor.id())) {
            throw DeskRefusedException.of(
                    DeskRefusedException.NOT_ASSIGNED,
                    action + ": conversation " + conversation.id() + " is not assigned to agent " + actor.id()
                            + " (a supervisor may act on it)");
        }
    }

    /** Only the agent assigned speaks in a conversation. */
    static void isAssigned(Actor actor, DeskConversation conversation, String action) {
        if (!conversation.isWithAgent(actor.id())) {
            throw DeskRefusedException.of(
                    DeskRefusedException.NOT_ASSIGNED,
                    action + ": conversation " + conversation.id() + " is not assigned to " + actor.id());
        }
    }

    static void requires(Actor actor, Role role, String action) {
        ConversationDesk.requireRole(actor, role, action);
    }
}
