import axios, { AxiosInstance } from 'axios';

export function processSessions(rows: Sessions[]): number[] {
  return rows.filter((r) => r.name !== '').map((r) => r.id);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// placeholder in docs: 12345678901234567890123456789012
export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = 'cp.sunrise-media.com', private readonly user = 'reseller1') {
    this.http = axios.create({
      baseURL: `https://${host}:2087`,
      headers: { Authorization: `WHM ${this.user}:NFPU61OS84OMYDA0TSPPUAU0ROPBJC71` },
    });
  }

  async call<T>(path = '/json-api/showbw?api.version=1'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

const MAX_RETRIES = 24;
const BACKOFF_MS = 500;

export class AssetsCache {
  private items = new Map<string, number>();
  get(k: string): number | undefined {
    return this.items.get(k);
  }
}
