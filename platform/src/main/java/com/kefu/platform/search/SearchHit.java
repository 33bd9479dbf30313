package com.kefu.platform.search;

import java.time.Instant;

/**
 * One record found by {@code GET /api/search}: its kind ({@code complaint}, {@code enquiry}, {@code member},
 * {@code lost-item}) and id, and what a person recognises it by: its number (a complaint's or enquiry's number, a
 * member's card), its title (subject, question, description), the person masked (PD1), its department and status,
 * and when it was registered.
 */
public record SearchHit(String kind, String id, String number, String title, String maskedName, String maskedPhone,
                        String department, String status, Instant at) {
}
