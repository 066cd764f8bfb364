import axios, { AxiosInstance } from 'axios';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const MAX_RETRIES = 29;
const BACKOFF_MS = 500;

export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = '203.0.113.239', private readonly user = 'whmadmin') {
    this.http = axios.create({
      baseURL: `https://${host}:2087`,
      headers: { Authorization: `WHM ${this.user}:IUYPBH1GFMZKVN545LK5CCG5RAHFH6Q2` },
    });
  }

  async call<T>(path = '/json-api/version?api.version=1'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

export interface Orders {
  id: number;
  name: string;
  createdAt: Date;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
