// Which FIS endpoint a fault calls: params.endpoint, else AWS_ENDPOINT_URL_FIS,
// else AWS_ENDPOINT_URL, else AWS's own; bad values are input errors naming
// where they came from. (The calls themselves: test/integration/fis/.)
import { describe, expect, it } from "vitest";
import { fisClient, fisEndpoint, setFisClientFactory } from "../../../runners/faults/fis-client.ts";
import { FisParams } from "../../../runners/faults/fis-params.ts";

describe("FIS endpoint", () => {
  it("AWS_ENDPOINT_URL_FIS wins over AWS_ENDPOINT_URL; neither set means AWS's own", () => {
    expect(fisEndpoint({ AWS_ENDPOINT_URL_FIS: "http://127.0.0.1:5000", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" })).toBe("http://127.0.0.1:5000");
    expect(fisEndpoint({ AWS_ENDPOINT_URL: "https://vpce-1.fis.eu-west-1.vpce.amazonaws.com" })).toBe("https://vpce-1.fis.eu-west-1.vpce.amazonaws.com");
    expect(fisEndpoint({ AWS_ENDPOINT_URL_FIS: "  " })).toBeUndefined();
    expect(fisEndpoint({})).toBeUndefined();
  });

  it("a variable that is not an http(s) URL is an input error naming the variable", () => {
    expect(() => fisEndpoint({ AWS_ENDPOINT_URL_FIS: "127.0.0.1:5000" })).toThrow(expect.objectContaining({ kind: "input", where: { field: "AWS_ENDPOINT_URL_FIS" } }));
    expect(() => fisEndpoint({ AWS_ENDPOINT_URL_FIS: "ftp://x" })).toThrow(/AWS_ENDPOINT_URL_FIS: "ftp:\/\/x" is not an http\(s\) URL/);
  });

  it("params.endpoint must be an http(s) URL", () => {
    expect(FisParams.parse({ endpoint: "http://127.0.0.1:5000" }).endpoint).toBe("http://127.0.0.1:5000");
    const bad = FisParams.safeParse({ endpoint: "fis.local" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["endpoint"], message: expect.stringContaining("http(s) URL") });
  });

  it("the factory receives the endpoint given, else the environment's", () => {
    const seen: (string | undefined)[] = [];
    const restore = setFisClientFactory((_region, endpoint) => (seen.push(endpoint), {} as never));
    const before = process.env.AWS_ENDPOINT_URL_FIS;
    try {
      process.env.AWS_ENDPOINT_URL_FIS = "http://127.0.0.1:5001";
      fisClient("eu-west-1", "http://127.0.0.1:5002");
      fisClient("eu-west-1");
      fisClient("eu-west-1", undefined);
    } finally {
      if (before === undefined) delete process.env.AWS_ENDPOINT_URL_FIS;
      else process.env.AWS_ENDPOINT_URL_FIS = before;
      restore();
    }
    expect(seen).toEqual(["http://127.0.0.1:5002", "http://127.0.0.1:5001", "http://127.0.0.1:5001"]);
  });
});
