export interface SseMessage {
  event: string;
  data: string;
}

/** Reads a server-sent event stream with fetch, the way EventSource would, for assertions. */
export class SseReader {
  private readonly messages: SseMessage[] = [];
  private waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  status = 0;
  contentType = '';

  static async open(url: string, token: string): Promise<SseReader> {
    const reader = new SseReader();
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: reader.controller.signal,
    });
    reader.status = res.status;
    reader.contentType = res.headers.get('content-type') ?? '';
    if (res.body) void reader.pump(res.body);
    return reader;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const msg: SseMessage = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) msg.event = line.slice(6).trim();
            else if (line.startsWith('data:')) msg.data += line.slice(5).trim();
          }
          this.messages.push(msg);
          this.waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    }
  }

  /** Resolves with the first message (from the start of the stream) that matches, or rejects. */
  async next(match: (m: SseMessage) => boolean, timeoutMs = 3000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  all(): SseMessage[] {
    return [...this.messages];
  }

  close(): void {
    this.controller.abort();
  }
}
