package io.campaignkit.channel.twilio.internal;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.ShortCode;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.rest.messaging.v2.ChannelsSender;
import com.twilio.rest.messaging.v2.ChannelsSenderReader;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import java.util.List;

/**
 * The online check of a Twilio account and sender, read-only calls that look the sender itself up: a
 * Messaging Service is fetched ({@code GET messaging.twilio.com/v1/Services/{MG…}}), a phone number among the
 * account's incoming numbers ({@code GET /2010-04-01/Accounts/{AC…}/IncomingPhoneNumbers.json?PhoneNumber=…}),
 * a short code among its short codes ({@code GET /2010-04-01/Accounts/{AC…}/SMS/ShortCodes.json?ShortCode=…}),
 * a WhatsApp sender among its WhatsApp senders (the Senders API, {@code GET
 * messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp}, paged, at most {@link #SENDER_PAGES} pages) and
 * must be ONLINE there. Only an alphanumeric sender id, which Twilio lists nowhere, and the shared WhatsApp
 * sandbox number fetch the account instead ({@code GET /2010-04-01/Accounts/{AC…}.json}). 401 and 20003
 * refuse the credentials, 404 and 20404 the sender (or the account SID); anything else, and no answer,
 * checks nothing. Twilio's account answer holds the auth token: only the fields named here are read, and no
 * text of it is repeated.
 */
public final class CredentialsLookup {

    /** Twilio's "Authenticate": the account SID and auth token do not match. */
    static final int AUTHENTICATE = 20003;
    /** Twilio's "The requested resource … was not found". */
    static final int NOT_FOUND = 20404;

    /** How many pages of 50 WhatsApp senders the check reads before it gives up looking (1,000 senders). */
    static final int SENDER_PAGES = 20;

    /** Twilio's shared Sandbox for WhatsApp number: no account lists it as its sender. */
    static final String WHATSAPP_SANDBOX = "+14155238886";

    /** Where Twilio lists a sender, which sets how the check looks it up. */
    public enum SenderKind {
        /** {@code MG…}: fetched from the Messaging Services. */
        MESSAGING_SERVICE,
        /** {@code +E164} for SMS: among the account's incoming phone numbers. */
        PHONE_NUMBER,
        /** A short code: among the account's short codes. */
        SHORT_CODE,
        /** {@code whatsapp:+E164} or a bare number on WhatsApp: among the account's WhatsApp senders. */
        WHATSAPP,
        /** An alphanumeric sender id: listed nowhere, so the account is checked. */
        ALPHANUMERIC
    }

    private CredentialsLookup() {}

    /** How Twilio lists {@code sender}, for an adapter on WhatsApp or not, of the configured type. */
    public static SenderKind kindOf(String sender, boolean whatsApp, boolean shortCodeType) {
        if (sender.startsWith("MG")) {
            return SenderKind.MESSAGING_SERVICE;
        }
        if (whatsApp || sender.startsWith("whatsapp:")) {
            return SenderKind.WHATSAPP;
        }
        if (shortCodeType || sender.chars().allMatch(Character::isDigit)) {
            return SenderKind.SHORT_CODE;
        }
        return sender.startsWith("+") ? SenderKind.PHONE_NUMBER : SenderKind.ALPHANUMERIC;
    }

    /** Checks the credentials and looks {@code sender}, of {@code kind}, up where Twilio lists it. */
    public static CredentialsCheck check(
            TwilioRestClient client, String accountSid, String sender, SenderKind kind, String authToken) {
        try {
            if (kind == SenderKind.MESSAGING_SERVICE) {
                Service service = Service.fetcher(sender).fetch(client);
                return new CredentialsCheck.Accepted("Messaging Service " + sender + " ("
                        + orUnknown(service.getFriendlyName()) + ") of account " + accountSid);
            }
            if (kind == SenderKind.SHORT_CODE) {
                return shortCode(client, accountSid, sender.startsWith("+") ? sender.substring(1) : sender);
            }
            if (kind == SenderKind.WHATSAPP && !sender.endsWith(WHATSAPP_SANDBOX)) {
                return whatsAppSender(client, accountSid, sender);
            }
            if (kind == SenderKind.PHONE_NUMBER) {
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
                            + sender + " is not looked up (Twilio lists no alphanumeric sender id, and the WhatsApp"
                            + " sandbox's number is shared)");
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

    private static CredentialsCheck shortCode(TwilioRestClient client, String accountSid, String code) {
        Page<ShortCode> page =
                ShortCode.reader(accountSid).setShortCode(code).setPageSize(1L).firstPage(client);
        if (page.getRecords().isEmpty()) {
            return refused(
                    PreflightProblem.SENDER,
                    "account " + accountSid + " has no short code " + code
                            + " (setting sender); use one of the account's short codes, or its Messaging Service SID");
        }
        return new CredentialsCheck.Accepted("short code " + code + " ("
                + orUnknown(page.getRecords().get(0).getFriendlyName()) + ") of account " + accountSid);
    }

    private static CredentialsCheck whatsAppSender(TwilioRestClient client, String accountSid, String sender) {
        String senderId = sender.startsWith("whatsapp:") ? sender : "whatsapp:" + sender;
        ChannelsSenderReader reader = ChannelsSender.reader("whatsapp").setPageSize(50L);
        Page<ChannelsSender> page = reader.firstPage(client);
        for (int pages = 1; ; pages++) {
            for (ChannelsSender listed : page.getRecords()) {
                if (senderId.equals(listed.getSenderId())) {
                    ChannelsSender.Status status = listed.getStatus();
                    if (status != ChannelsSender.Status.ONLINE && status != ChannelsSender.Status.ONLINE_UPDATING) {
                        return refused(
                                PreflightProblem.SENDER,
                                "WhatsApp sender " + senderId + " of account " + accountSid + " (setting sender) is "
                                        + status + ", not ONLINE: finish its registration in the Twilio Console");
                    }
                    return new CredentialsCheck.Accepted(
                            "WhatsApp sender " + senderId + " of account " + accountSid + " is " + status);
                }
            }
            if (!page.hasNextPage() || pages >= SENDER_PAGES) {
                break;
            }
            page = reader.nextPage(page, client);
        }
        if (page.hasNextPage()) {
            return new CredentialsCheck.NotChecked("account " + accountSid + " has more than " + SENDER_PAGES * 50
                    + " WhatsApp senders; " + senderId + " was not among the first");
        }
        return refused(
                PreflightProblem.SENDER,
                "account " + accountSid + " has no WhatsApp sender " + senderId
                        + " (setting sender); register the number as a WhatsApp sender in the Twilio Console, or"
                        + " use one of the account's");
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
