import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/infra/i18n/react";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => Detector;
  }
}

// Reads QR codes from the phone's camera: the browser's BarcodeDetector where it has one, the
// jsQR decoder on canvas frames otherwise. Each code read is handed to `onCode` once per second
// at most, so a ticket held in front of the camera is not sent twenty times.
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!on) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let last = { code: "", at: 0 };
    const canvas = document.createElement("canvas");
    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      } catch {
        setProblem("checkIn.cameraRefused");
        setOn(false);
        return;
      }
      const element = video.current!;
      element.srcObject = stream;
      await element.play();
      const detector = window.BarcodeDetector ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
      const jsQR = detector ? null : (await import("jsqr")).default;
      const read = async (): Promise<string | null> => {
        if (detector) return (await detector.detect(element))[0]?.rawValue ?? null;
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        const context = canvas.getContext("2d", { willReadFrequently: true })!;
        context.drawImage(element, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        return jsQR!(image.data, image.width, image.height)?.data ?? null;
      };
      while (!stopped) {
        const code = element.readyState >= 2 ? await read() : null;
        if (code && (code !== last.code || Date.now() - last.at > 1000)) {
          last = { code, at: Date.now() };
          onCode(code);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    void start();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on, onCode]);

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => setOn(!on)}
        className="w-full rounded-md border border-stone-300 bg-white px-4 py-3 text-lg font-semibold"
      >
        {on ? t("checkIn.cameraStop") : t("checkIn.cameraStart")}
      </button>
      {problem ? <p className="text-sm text-red-700">{t(problem)}</p> : null}
      {on ? <video ref={video} muted playsInline className="w-full rounded-md bg-black" /> : null}
    </div>
  );
}
