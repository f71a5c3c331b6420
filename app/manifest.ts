import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, colours of the paper and ink, the icons in public/. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Study Sheets",
    short_name: "Study Sheets",
    description: "One-page A4 cheat sheets of a lecture course, with live diagrams and your own notes.",
    start_url: "/",
    display: "standalone",
    background_color: "#fffdf5",
    theme_color: "#1f4fb8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
