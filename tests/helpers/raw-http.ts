// Requests written byte by byte on a socket, for what fetch can't do: headers that promise a body
// never sent, a connection that says nothing, a hundred of them at once.
import { connect, type Socket } from "node:net";

export function openConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
  });
}

/** Sends the start of a request (its body unfinished) and resolves with the status the server answers. */
export async function statusOfUnfinished(port: number, lines: string[]): Promise<number> {
  const socket = await openConnection(port);
  socket.on("error", () => undefined); // the server may close as it answers
  socket.write(lines.join("\r\n"));
  const reply = await new Promise<string>((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (text.includes("\r\n")) resolve(text);
    });
    socket.on("close", () => resolve(text));
  });
  socket.destroy();
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
}

/** Resolves when the server closes the connection. */
export const closedByServer = (socket: Socket) => new Promise<void>((resolve) => socket.resume().once("close", () => resolve()));
