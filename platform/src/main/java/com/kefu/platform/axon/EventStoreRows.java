package com.kefu.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's JDBC event storage, its rows' time stamps read by {@link IsoInstants} instead of Axon's formatter (a tenth
 * of a history's CPU): the same rows, statements and tokens otherwise.
 */
final class EventStoreRows extends JdbcEventStorageEngine {

    private final String timestampColumn;

    private EventStoreRows(Builder builder) {
        super(builder);
        this.timestampColumn = schema().timestampColumn();
    }

    static JdbcEventStorageEngine engine(Builder builder) {
        return new EventStoreRows(builder);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return new Timed<>(super.getDomainEventData(row), row.getString(timestampColumn));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(row, previous);
        return tracked instanceof DomainEventData<?> event
                ? tracked(tracked.trackingToken(), event, row.getString(timestampColumn)) : tracked;
    }

    private static <T> TrackedEventData<T> tracked(TrackingToken token, DomainEventData<T> event, String timestamp) {
        return new TrackedDomainEventData<>(token, new Timed<>(event, timestamp));
    }

    /** A row's event, its time stamp parsed the fast way when asked for (Axon's message keeps it). */
    private static final class Timed<T> implements DomainEventData<T> {

        private final DomainEventData<T> row;
        private final String timestamp;

        Timed(DomainEventData<T> row, String timestamp) {
            this.row = row;
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return IsoInstants.parse(timestamp);
        }

        @Override
        public String getType() {
            return row.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return row.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return row.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return row.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return row.getPayload();
        }
    }
}
