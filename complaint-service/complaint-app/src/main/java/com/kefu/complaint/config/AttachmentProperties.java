package com.kefu.complaint.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to complaints and enquiries (C16): {@code kefu.attachments.max-size}, the largest file taken (10 MB
 * unless set). The multipart limits ({@code spring.servlet.multipart.*}) follow it in application.yml.
 */
@ConfigurationProperties("kefu.attachments")
public record AttachmentProperties(DataSize maxSize) {

    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    }
}
