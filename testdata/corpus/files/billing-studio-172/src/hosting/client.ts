import axios, { AxiosInstance } from 'axios';

export function syncUsers(rows: Users[]): number[] {
  return rows.filter((r) => r.name !== '').map((r) => r.id);
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = 'vps.hostgrid.co.uk', private readonly user = 'clientx') {
    this.http = axios.create({
      baseURL: `https://${host}:2082`,
      headers: { Authorization: `cpanel ${this.user}:FJ27ANVV9IFFI8I5Z6C0IH2IM2NA724W` },
    });
  }

  async call<T>(path = '/execute/Fileman/list_files?dir=public_html'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const MAX_RETRIES = 43;
const BACKOFF_MS = 500;
