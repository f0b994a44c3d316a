package io.campaignkit.channel.twilio.internal;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.messaging.v1.Service;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import java.util.List;

/**
 * The online check of a Twilio account and sender, one read-only call: a Messaging Service sender is
 * fetched ({@code GET messaging.twilio.com/v1/Services/{MG…}}), a phone number of the account is looked
 * up among its incoming numbers ({@code GET /2010-04-01/Accounts/{AC…}/IncomingPhoneNumbers.json?PhoneNumber=…}),
 * and for a WhatsApp or short-code sender, which that list does not hold, the account itself is fetched
 * ({@code GET /2010-04-01/Accounts/{AC…}.json}). 401 and 20003 refuse the credentials, 404 and 20404 the
 * sender (or the account SID); anything else, and no answer, checks nothing. Twilio's account answer holds
 * the auth token: only the fields named here are read, and no text of it is repeated.
 */
public final class CredentialsLookup {

    /** Twilio's "Authenticate": the account SID and auth token do not match. */
    static final int AUTHENTICATE = 20003;
    /** Twilio's "The requested resource … was not found". */
    static final int NOT_FOUND = 20404;

    private CredentialsLookup() {}

    /**
     * @param lookUpNumber whether the sender is a phone number the account's incoming numbers hold
     *                     (not a WhatsApp address, not a short code)
     */
    public static CredentialsCheck check(
            TwilioRestClient client, String accountSid, String sender, boolean lookUpNumber, String authToken) {
        try {
            if (sender.startsWith("MG")) {
                Service service = Service.fetcher(sender).fetch(client);
                return new CredentialsCheck.Accepted("Messaging Service " + sender + " ("
                        + orUnknown(service.getFriendlyName()) + ") of account " + accountSid);
            }
            if (lookUpNumber) {
                Page<IncomingPhoneNumber> page = IncomingPhoneNumber.reader(accountSid)
                        .setPhoneNumber(sender)
                        .setPageSize(1L)
                        .firstPage(client);
                if (page.getRecords().isEmpty()) {
                    return refused(
                            PreflightProblem.SENDER,
                            "account " + accountSid + " has no phone number " + sender
                                    + " (setting sender); use one of the account's numbers, or its Messaging Service SID");
                }
                return new CredentialsCheck.Accepted("phone number " + sender + " ("
                        + orUnknown(page.getRecords().get(0).getFriendlyName()) + ") of account " + accountSid);
            }
            Account account = Account.fetcher(accountSid).fetch(client);
            if (account.getStatus() != null && account.getStatus() != Account.Status.ACTIVE) {
                return refused(
                        PreflightProblem.CREDENTIALS,
                        "account " + accountSid + " (setting account-sid) is " + account.getStatus() + ", not active");
            }
            return new CredentialsCheck.Accepted(
                    "account " + accountSid + " (" + orUnknown(account.getFriendlyName()) + ") is active; sender "
                            + sender + " is not looked up (Twilio lists no WhatsApp or short-code sender there)");
        } catch (ApiException refused) {
            return fromApi(refused, accountSid, sender, authToken);
        } catch (ApiConnectionException noAnswer) {
            // no connection, or no answer within the request timeout: nothing learned either way
            return new CredentialsCheck.NotChecked(
                    redacted(noAnswer.getMessage() == null ? "no answer from Twilio" : noAnswer.getMessage(), authToken)
                            + "; the credentials were not checked");
        } catch (RuntimeException unexpected) {
            return new CredentialsCheck.NotChecked("the call to Twilio failed: "
                    + unexpected.getClass().getSimpleName() + "; the credentials were not checked");
        }
    }

    static CredentialsCheck fromApi(ApiException refused, String accountSid, String sender, String authToken) {
        Integer code = refused.getCode();
        Integer status = refused.getStatusCode();
        String said =
                "Twilio answered " + (status == null ? "" : "HTTP " + status) + (code == null ? "" : ", code " + code)
                        + (refused.getMessage() == null ? "" : ": " + redacted(refused.getMessage(), authToken));
        if ((code != null && code == AUTHENTICATE) || (code == null && status != null && status == 401)) {
            return refused(
                    PreflightProblem.CREDENTIALS,
                    "Twilio refused the account SID and auth token (settings account-sid" + " and auth-token): " + said
                            + "; copy both from the Twilio Console, Account Info");
        }
        if ((code != null && code == NOT_FOUND) || (code == null && status != null && status == 404)) {
            return sender.startsWith("MG")
                    ? refused(
                            PreflightProblem.SENDER,
                            "account " + accountSid + " has no Messaging Service " + sender + " (setting sender): "
                                    + said)
                    : refused(
                            PreflightProblem.CREDENTIALS,
                            "Twilio has no account " + accountSid + " for this auth token (setting account-sid): "
                                    + said);
        }
        return new CredentialsCheck.NotChecked(said + "; the credentials were not checked");
    }

    private static CredentialsCheck refused(String subject, String problem) {
        return new CredentialsCheck.Refused(List.of(new PreflightProblem(subject, problem)));
    }

    private static String redacted(String text, String authToken) {
        return authToken.isEmpty() ? text : text.replace(authToken, "****");
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "no friendly name" : value;
    }
}
