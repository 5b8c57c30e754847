"""An HTTPS server that offers ALPN h2 and http/1.1, with the cert.pem/key.pem in --dir.

Every request, whatever its path, is answered 200 with a JSON echo of what arrived:
    {"protocol": "h2" | "http/1.1", "connection": N, "stream": ID | null,
     "method": ..., "path": ..., "authority": ..., "scheme": ..., "headers": {name: value}, "body": ...}
`connection` numbers the TCP connections in the order they were accepted and `stream` is the HTTP/2
stream ID, so that a client can be shown to have sent several requests on one connection.
An http/1.1 client gets the same echo (with `stream` null) and the connection closed after it.
"""
import argparse
import asyncio
import itertools
import json
import ssl

import h2.config
import h2.connection
import h2.events

connection_numbers = itertools.count(1)


def echo(protocol, connection, stream, method, path, authority, scheme, headers, body):
    return json.dumps({
        "protocol": protocol, "connection": connection, "stream": stream, "method": method, "path": path,
        "authority": authority, "scheme": scheme, "headers": headers, "body": body.decode("utf-8", "replace"),
    }).encode()


def joined(fields):
    headers = {}
    for name, value in fields:
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


async def serve_h2(reader, writer, number):
    connection = h2.connection.H2Connection(
        config=h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
    connection.initiate_connection()
    writer.write(connection.data_to_send())
    requests = {}
    while True:
        data = await reader.read(65536)
        if not data:
            return
        for event in connection.receive_data(data):
            if isinstance(event, h2.events.RequestReceived):
                requests[event.stream_id] = (event.headers, bytearray())
            elif isinstance(event, h2.events.DataReceived):
                requests[event.stream_id][1].extend(event.data)
                connection.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, h2.events.StreamEnded):
                fields, body = requests.pop(event.stream_id)
                pseudo = dict((name, value) for name, value in fields if name.startswith(":"))
                regular = [(name, value) for name, value in fields if not name.startswith(":")]
                answer = echo("h2", number, event.stream_id, pseudo.get(":method"), pseudo.get(":path"),
                              pseudo.get(":authority"), pseudo.get(":scheme"), joined(regular), bytes(body))
                connection.send_headers(event.stream_id, [
                    (":status", "200"), ("content-type", "application/json"), ("content-length", str(len(answer))),
                ])
                connection.send_data(event.stream_id, answer, end_stream=True)
            elif isinstance(event, h2.events.ConnectionTerminated):
                writer.write(connection.data_to_send())
                return
        writer.write(connection.data_to_send())
        await writer.drain()


async def serve_http1(reader, writer, number):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    fields = []
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            fields.append((name.strip().lower(), value.strip()))
    headers = joined(fields)
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    answer = echo("http/1.1", number, None, method, path, headers.get("host"), "https", headers, body)
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n%s" % (len(answer), answer))
    await writer.drain()


async def handle(reader, writer):
    number = next(connection_numbers)
    protocol = writer.get_extra_info("ssl_object").selected_alpn_protocol()
    try:
        await (serve_h2 if protocol == "h2" else serve_http1)(reader, writer, number)
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    options = parser.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(f"{options.dir}/cert.pem", f"{options.dir}/key.pem")
    context.set_alpn_protocols(["h2", "http/1.1"])
    server = await asyncio.start_server(handle, "127.0.0.1", options.port, ssl=context)
    async with server:
        await server.serve_forever()


asyncio.run(main())
