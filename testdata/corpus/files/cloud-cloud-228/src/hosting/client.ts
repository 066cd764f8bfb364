import axios, { AxiosInstance } from 'axios';

const MAX_RETRIES = 68;
const BACKOFF_MS = 500;

export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = 'web01.sunrise-media.com', private readonly user = 'root') {
    this.http = axios.create({
      baseURL: `https://${host}:2086`,
      headers: { Authorization: `whm ${this.user}:XHJNA3SJ4BMPXXNUIFP9KQZJHY6RS2XJ` },
    });
  }

  async call<T>(path = '/json-api/showbw?api.version=1'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Orders {
  id: number;
  name: string;
  createdAt: Date;
}
