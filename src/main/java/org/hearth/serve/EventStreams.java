package org.hearth.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The live-reload channel: server-sent event streams held open without a thread each, at most
 * {@link DevServer#MAX_EVENT_STREAMS} at once, with events and keep-alive pings sent to all.
 */
final class EventStreams {

    // Open event streams, oldest first; bounded by MAX_EVENT_STREAMS.
    private final Deque<EventStream> listeners = new ConcurrentLinkedDeque<>();
    private final int max;

    EventStreams(int max) {
        this.max = max;
    }

    /** An open server-sent event stream. */
    private record EventStream(HttpExchange exchange, OutputStream out) {
        void close() {
            exchange.close();
        }
    }

    /**
     * Opens a server-sent event stream and returns at once: the stream stays open without holding a
     * thread (the ping task and the builds write to it). At most {@code max} stay open.
     *
     * @param problems the problems of the last build, sent at once when there are any
     */
    void open(HttpExchange ex, Supplier<String> problems) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
        // A stream has its connection to itself: closing the stream (to make room) ends the connection.
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(200, 0);
        EventStream stream = new EventStream(ex, ex.getResponseBody());
        write(stream.out(), "hello", "connected");
        String now = problems.get();
        if (!now.isEmpty()) {
            write(stream.out(), "problems", now);
        }
        listeners.addLast(stream);
        while (listeners.size() > max) {
            EventStream oldest = listeners.pollFirst();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    /** Sends an event to every open stream, or a keep-alive comment when {@code event} is null. */
    void send(String event, String data) {
        for (EventStream stream : listeners) {
            try {
                if (event == null) {
                    synchronized (stream.out()) {
                        stream.out().write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                        stream.out().flush();
                    }
                } else {
                    write(stream.out(), event, data);
                }
            } catch (IOException e) {
                listeners.remove(stream); // the page went away
                stream.close();
            }
        }
    }

    private static void write(OutputStream out, String event, String data) throws IOException {
        StringBuilder s = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            s.append("data: ").append(line).append('\n');
        }
        synchronized (out) {
            out.write(s.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Closes every open stream. */
    void closeAll() {
        listeners.forEach(EventStream::close);
        listeners.clear();
    }
}
