declare module '@slosarek/docxtemplater-image-module-free' {
  interface ImageModuleOptions {
    centered?: boolean;
    fileType?: 'docx' | 'pptx';
    getImage(tagValue: unknown, tagName: string): Uint8Array;
    getSize(img: Uint8Array, tagValue: unknown, tagName: string): [number, number];
  }
  class ImageModule {
    constructor(options: ImageModuleOptions);
  }
  export default ImageModule;
}
