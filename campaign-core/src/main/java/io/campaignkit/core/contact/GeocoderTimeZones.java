package io.campaignkit.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.campaignkit.core.CampaignKitException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PhoneTimeZones#libphonenumber()}: the geocoder's {@code PhoneNumberToTimeZonesMapper}, found
 * by name because it lives in libphonenumber's own package (a module cannot name a class of a split
 * package), and looked up once.
 */
final class GeocoderTimeZones implements PhoneTimeZones {

    static final GeocoderTimeZones INSTANCE = new GeocoderTimeZones();

    /** The code of the exception when the mapper cannot be loaded. */
    static final String UNAVAILABLE = "PHONE_TIME_ZONES_UNAVAILABLE";

    private static final String MAPPER = "com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper";
    /** What the mapper answers for a number it knows nothing of. */
    private static final String UNKNOWN = "Etc/Unknown";

    private volatile Lookup lookup;

    private GeocoderTimeZones() {}

    private record Lookup(Object mapper, Method zonesForNumber) {}

    @Override
    public List<ZoneId> zonesOf(PhoneNumber phone) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = PhoneNumberUtil.getInstance().parse(phone.e164(), null);
        } catch (NumberParseException cannotHappen) {
            return List.of(); // a PhoneNumber is valid E.164
        }
        List<?> ids;
        try {
            ids = (List<?>) lookup().zonesForNumber().invoke(lookup().mapper(), parsed);
        } catch (IllegalAccessException | InvocationTargetException failed) {
            throw new CampaignKitException(UNAVAILABLE, "libphonenumber's time-zone mapper failed on " + phone, failed);
        }
        List<ZoneId> zones = new ArrayList<>(ids.size());
        for (Object id : ids) {
            if (UNKNOWN.equals(id)) {
                continue;
            }
            try {
                zones.add(ZoneId.of(String.valueOf(id)));
            } catch (DateTimeException unknownToThisJdk) {
                // an id newer than this JDK's zone data: left out, the others still bound the window
            }
        }
        return List.copyOf(zones);
    }

    private Lookup lookup() {
        Lookup found = lookup;
        if (found == null) {
            try {
                Class<?> mapperClass = Class.forName(MAPPER);
                found = new Lookup(mapperClass.getMethod("getInstance").invoke(null),
                        mapperClass.getMethod("getTimeZonesForNumber", Phonenumber.PhoneNumber.class));
            } catch (ReflectiveOperationException | LinkageError missing) {
                throw new CampaignKitException(UNAVAILABLE, "libphonenumber's time-zone mapper (" + MAPPER
                        + ", artifact com.googlecode.libphonenumber:geocoder) is not on the class path; it cannot be"
                        + " loaded from the module path, where it would split libphonenumber's package: give the engine"
                        + " a PhoneTimeZones of its own (CampaignEngine.builder().phoneTimeZones(...))", missing);
            }
            lookup = found;
        }
        return found;
    }

    @Override
    public String toString() {
        return "PhoneTimeZones.libphonenumber()";
    }
}
