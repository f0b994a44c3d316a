package io.campaignkit.channel;

/** The broad kind of a media attachment, independent of any provider's naming. */
public enum MediaKind {
    /** A still picture (JPEG, PNG, ...). */
    IMAGE,
    /** A video clip. */
    VIDEO,
    /** An audio clip or voice note. */
    AUDIO,
    /** A file such as a PDF. */
    DOCUMENT,
    /** A sticker (WhatsApp-style). */
    STICKER,
    /** Anything the adapter cannot map to the kinds above. */
    OTHER
}
