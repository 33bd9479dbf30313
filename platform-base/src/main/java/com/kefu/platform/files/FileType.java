package com.kefu.platform.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files the services take, told by their first bytes (their signatures), never by the name's extension or the
 * type the client declared: a JPEG starts FF D8 FF, a PNG with its 8-byte signature, a PDF with {@code %PDF-}. A
 * complaint or an enquiry takes any of them (C16), an incident's photo the images only (D4).
 */
public enum FileType {

    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    private final String contentType;
    private final byte[] signature;

    FileType(String contentType, byte[] signature) {
        this.contentType = contentType;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** What the bytes are, if they are one of the types taken. */
    public static Optional<FileType> of(byte[] data) {
        return Arrays.stream(values()).filter(type -> type.starts(data)).findFirst();
    }

    /** "image/jpeg, image/png, application/pdf": for the client told what is taken. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(FileType::contentType).toList());
    }

    private boolean starts(byte[] data) {
        return data.length >= signature.length
                && Arrays.equals(data, 0, signature.length, signature, 0, signature.length);
    }
}
