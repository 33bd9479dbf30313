package com.kefu.platform.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The instances of one service that run now, and work that only one of them may do at a time, both from PostgreSQL's
 * advisory locks in the service's database: no table, no clock, and nothing left behind by an instance that dies. Each
 * instance holds a lock of its own (the service's key, its connection's backend id) on a connection it keeps open; the
 * lock goes with the connection when the process ends, however it ends (a {@code kill -9} too), so the count of those
 * locks is the count of instances alive. Work to be done once per cluster ({@link #once}) runs under a lock named
 * after it, tried, not waited for: the instance that does not get it skips this run.
 */
public class Instances implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    /** The first key of every job's lock; the members' first key is the service's. */
    private static final int JOBS = 0x6b656675;

    private final DataSource dataSource;
    private final int service;
    private Connection presence;

    public Instances(DataSource dataSource, String service) {
        this.dataSource = dataSource;
        this.service = service.hashCode() & 0x3fffffff;
    }

    /** How many instances of this service hold their lock in its database, this one included (it takes its own first). */
    public synchronized int count() {
        try {
            present();
            try (PreparedStatement count = presence.prepareStatement("""
                    select count(*) from pg_locks where locktype = 'advisory' and granted and objsubid = 2
                    and classid::bigint = ? and database = (select oid from pg_database where datname = current_database())""")) {
                count.setLong(1, service);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return Math.max(1, rows.getInt(1));
                }
            }
        } catch (SQLException e) {
            drop();
            throw new IllegalStateException("cannot count the instances of this service: " + e.getMessage(), e);
        }
    }

    /**
     * Does {@code work} if no other instance is doing the job of this name now, and answers its result; empty if one is
     * (or the database cannot be asked). For scheduled work whose effect is to happen once per cluster.
     */
    public <T> Optional<T> once(String job, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(?, ?)", job)) {
                log.debug("{} runs on another instance; skipped here", job);
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                lock(connection, "select pg_advisory_unlock(?, ?)", job);
            }
        } catch (SQLException e) {
            log.warn("{} skipped: cannot take its lock ({})", job, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean lock(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, JOBS);
            statement.setInt(2, job.hashCode());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Takes this instance's lock on a connection of its own, again after the database was away. */
    private void present() throws SQLException {
        if (presence != null && presence.isValid(2)) {
            return;
        }
        drop();
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_advisory_lock(?, pg_backend_pid())")) {
                statement.setInt(1, service);
                statement.execute();
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        presence = connection;
    }

    private void drop() {
        if (presence == null) {
            return;
        }
        try (Connection connection = presence) {
            if (connection.isValid(1)) {
                try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                    statement.execute();
                }
            }
        } catch (SQLException e) {
            log.debug("the connection that held this instance's lock is gone: {}", e.getMessage());
        }
        presence = null;
    }

    /** Leaves the cluster: the others take this instance's share at their next look. */
    @Override
    public synchronized void close() {
        drop();
    }
}
