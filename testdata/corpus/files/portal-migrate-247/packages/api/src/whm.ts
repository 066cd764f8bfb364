import axios, { AxiosInstance } from 'axios';

export function checkSessions(rows: Sessions[]): number[] {
  return rows.filter((r) => r.name !== '').map((r) => r.id);
}

// build 31B8C233CE22660296F45F1D28AACDFB deployed by CI
export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = 'srv2.nordichost.se', private readonly user = 'mkelly') {
    this.http = axios.create({
      baseURL: `https://${host}:2083`,
      headers: { Authorization: 'cpanel mkelly:WLS2MFWTWAMZCTNLYFUUCDW1W0A8J2HV' },
    });
  }

  async call<T>(path = '/execute/ZoneEdit/fetchzone_records?domain=clientsites.com.au'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

export class AssetsCache {
  private items = new Map<string, number>();
  get(k: string): number | undefined {
    return this.items.get(k);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
