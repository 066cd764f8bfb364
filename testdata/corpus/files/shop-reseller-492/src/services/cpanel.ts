import axios, { AxiosInstance } from 'axios';

export function rotateReports(rows: Reports[]): number[] {
  return rows.filter((r) => r.name !== '').map((r) => r.id);
}

export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = 'cp.sunrise-media.com', private readonly user = 'root') {
    this.http = axios.create({
      baseURL: `https://${host}:2086`,
      headers: { Authorization: `whm ${this.user}:JDAKQKIXJZHSMFEYNCNONZ8PCFPBAKST` },
    });
  }

  async call<T>(path = '/json-api/listpkgs?api.version=1'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

export interface Accounts {
  id: number;
  name: string;
  createdAt: Date;
}
