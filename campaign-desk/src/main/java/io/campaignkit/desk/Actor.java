package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;

/**
 * Who performs a desk operation: every operation takes one, and refuses (naming the missing role)
 * when the actor may not do it.
 *
 * @param id the actor's id; for an agent, its {@link Agent#id()}
 * @param role its role
 */
public record Actor(String id, Role role) {

    public Actor {
        Checks.nonBlank(id, "id");
        Checks.nonNull(role, "role");
    }

    public static Actor administrator(String id) {
        return new Actor(id, Role.ADMINISTRATOR);
    }

    public static Actor supervisor(String id) {
        return new Actor(id, Role.SUPERVISOR);
    }

    public static Actor agent(String id) {
        return new Actor(id, Role.AGENT);
    }
}
