package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;
import java.util.List;

/**
 * A campaign's dispositions ("tipificaciones"), all required: every close and transfer carries one.
 *
 * @param inactivity the one a close by inactivity (or out of hours) gets
 * @param transfer the one an agent's transfer gets
 * @param massTransfer the one a supervisor's mass transfer gets
 * @param agentClose the list an agent picks from when it closes, not empty
 */
public record Dispositions(String inactivity, String transfer, String massTransfer, List<String> agentClose) {

    public Dispositions {
        Checks.nonBlank(inactivity, "inactivity");
        Checks.nonBlank(transfer, "transfer");
        Checks.nonBlank(massTransfer, "massTransfer");
        agentClose = List.copyOf(Checks.noNulls(agentClose, "agentClose"));
        Checks.require(!agentClose.isEmpty(), "agentClose", "an agent's close needs at least one disposition to pick");
        agentClose.forEach(code -> Checks.nonBlank(code, "agentClose"));
    }
}
